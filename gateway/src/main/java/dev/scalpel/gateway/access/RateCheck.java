package dev.scalpel.gateway.access;

import java.time.Duration;
import java.util.Objects;

/** The outcome of {@link RateLimiter#acquire}: go ahead, or wait. */
public sealed interface RateCheck {
  /** Admitted; the request and its prompt tokens are counted. */
  record Allowed() implements RateCheck {}

  /** The admitted outcome (it carries nothing). */
  RateCheck ALLOWED = new Allowed();

  /**
   * Over a limit; nothing was counted.
   *
   * @param limit {@code requests} or {@code tokens}, as in OpenAI's rate-limit errors
   * @param perMinute the key's limit of that kind
   * @param retryAfter when the request would be admitted, if nothing else is charged meanwhile
   */
  record Limited(String keyName, String limit, long perMinute, Duration retryAfter)
      implements RateCheck {
    public static final String REQUESTS = "requests";
    public static final String TOKENS = "tokens";

    public Limited {
      Objects.requireNonNull(keyName, "keyName");
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (!limit.equals(REQUESTS) && !limit.equals(TOKENS)) {
        throw new IllegalArgumentException(
            "limit: expected requests or tokens, found '" + limit + "'");
      }
    }

    /**
     * 429 in OpenAI's shape (type {@code requests} or {@code tokens}, code {@code
     * rate_limit_exceeded}).
     */
    public Refusal refusal() {
      return new Refusal(
          429,
          limit,
          "rate_limit_exceeded",
          "Rate limit reached for the API key '"
              + keyName
              + "' on "
              + limit
              + " per min ("
              + (limit.equals(REQUESTS) ? "RPM" : "TPM")
              + "): Limit "
              + perMinute
              + ". Please try again in "
              + Refusal.wholeSeconds(retryAfter)
              + "s.",
          retryAfter);
    }
  }
}
