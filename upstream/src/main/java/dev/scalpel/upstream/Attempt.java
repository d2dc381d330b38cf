package dev.scalpel.upstream;

import java.time.Duration;

/**
 * One step of a fallback chain: a call to {@code tier} ({@code number} counts this tier's tries
 * from 1), or a skip because its circuit was open. {@code httpStatus} is the upstream's status, 0
 * when none arrived.
 */
public record Attempt(
    String tier, int number, Result result, int httpStatus, Duration elapsed, String detail) {
  /** What one attempt came to. */
  public enum Result {
    SUCCESS,
    /** Refused, reset or closed before a response. */
    CONNECTION_ERROR,
    /** 5xx, or a status no OpenAI server sends. */
    SERVER_ERROR,
    /** 2xx whose body is not the expected JSON. */
    MALFORMED_RESPONSE,
    TIMEOUT,
    /** 429. */
    RATE_LIMITED,
    /** A 4xx other than 401, 403, 408 and 429: the request itself is at fault. */
    CLIENT_ERROR,
    /** 401 or 403, or the API key variable is not set: Scalpel's credentials, not the client's. */
    UPSTREAM_AUTH_ERROR,
    /** Not called: the tier's circuit breaker is open. */
    CIRCUIT_OPEN,
    /** The stream failed after chunks were handed to the sink. */
    STREAM_BROKEN,
    CANCELLED;

    /** Whether this result is retried on the same tier. */
    public boolean retryable() {
      return switch (this) {
        case CONNECTION_ERROR, SERVER_ERROR, MALFORMED_RESPONSE, TIMEOUT -> true;
        case SUCCESS,
            RATE_LIMITED,
            CLIENT_ERROR,
            UPSTREAM_AUTH_ERROR,
            CIRCUIT_OPEN,
            STREAM_BROKEN,
            CANCELLED ->
            false;
      };
    }
  }

  public Attempt {
    if (tier == null || tier.isBlank()) {
      throw new IllegalArgumentException("attempt: expected a tier name, found blank");
    }
    if (number < 1) {
      throw new IllegalArgumentException("attempt number: expected >= 1, found " + number);
    }
    if (result == null || elapsed == null || detail == null) {
      throw new IllegalArgumentException("attempt: expected result, elapsed and detail");
    }
  }

  /** Whether the upstream was actually called (not skipped for an open circuit). */
  public boolean called() {
    return result != Result.CIRCUIT_OPEN;
  }
}
