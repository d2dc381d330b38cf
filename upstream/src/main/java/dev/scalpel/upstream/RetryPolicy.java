package dev.scalpel.upstream;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter between retries on one tier: retry {@code n} (from 1) waits
 * {@code min(maxBackoff, initialBackoff * multiplier^(n-1))}, reduced by a random share of up to
 * {@code jitter} (0 to 1) so that many clients do not retry in step. How many retries a tier gets
 * is {@link Tier#maxRetries()}; no wait outlasts the request's deadline.
 */
public record RetryPolicy(
    Duration initialBackoff, Duration maxBackoff, double multiplier, double jitter) {
  public RetryPolicy {
    if (initialBackoff == null || initialBackoff.isNegative()) {
      throw new IllegalArgumentException(
          "initial backoff: expected a duration >= 0, found " + initialBackoff);
    }
    if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "max backoff: expected at least the initial backoff "
              + initialBackoff
              + ", found "
              + maxBackoff);
    }
    if (!(multiplier >= 1 && multiplier <= 10)) {
      throw new IllegalArgumentException(
          "backoff multiplier: expected 1 to 10, found " + multiplier);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("backoff jitter: expected 0 to 1, found " + jitter);
    }
  }

  /** 200 ms doubling up to 2 s, with up to half of each wait taken off at random. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), 2.0, 0.5);
  }

  /** The wait before retry {@code retry} (1 for the first retry). */
  public Duration backoff(int retry, RandomGenerator random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry: expected >= 1, found " + retry);
    }
    double base = (double) initialBackoff.toNanos() * Math.pow(multiplier, retry - 1);
    double capped = Math.min(base, (double) maxBackoff.toNanos());
    double jittered = capped * (1 - jitter * random.nextDouble());
    return Duration.ofNanos((long) jittered);
  }
}
