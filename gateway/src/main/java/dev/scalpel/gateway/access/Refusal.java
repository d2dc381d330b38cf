package dev.scalpel.gateway.access;

import dev.scalpel.gateway.http.ApiException;
import java.time.Duration;
import java.util.Objects;

/**
 * Why a request is turned away, as the client should see it: an HTTP status and an error in
 * OpenAI's shape ({@code type}, {@code code}, {@code message}), and for 429s how long to wait.
 *
 * @param retryAfter the Retry-After to send ({@link Duration#ZERO} for none); sent in whole
 *     seconds, rounded up
 */
public record Refusal(int status, String type, String code, String message, Duration retryAfter) {
  public Refusal {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException("refusal status: expected 4xx, found " + status);
    }
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter: expected >= 0, found " + retryAfter);
    }
  }

  /** The Retry-After header value (whole seconds, at least 1), or "" for none. */
  public String retryAfterHeader() {
    return retryAfter.isZero() ? "" : Long.toString(wholeSeconds(retryAfter));
  }

  /** {@code wait} in whole seconds, rounded up, at least 1 (a Retry-After of 0 invites a storm). */
  static long wholeSeconds(Duration wait) {
    return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
  }

  /** The refusal as the exception the gateway's handlers throw and answer in OpenAI's shape. */
  public ApiException toApiException() {
    return new ApiException(status, type, code, "", message, retryAfterHeader());
  }
}
