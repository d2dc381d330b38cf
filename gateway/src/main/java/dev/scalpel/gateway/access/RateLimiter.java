package dev.scalpel.gateway.access;

import java.time.Clock;

/**
 * Per-key rate limits in memory: requests per minute and tokens per minute, each a token bucket
 * that holds a minute's allowance and refills continuously (so a key may burst up to its limit,
 * then proceeds at the limit's pace). A request's prompt tokens are counted when it is admitted;
 * what it used beyond them (the completion) is charged after the response with {@link
 * #chargeTokens}, and slows the key's next requests. Limits are per process. Thread-safe.
 */
public interface RateLimiter {
  /** A limiter reading time from {@code clock}. */
  static RateLimiter create(Clock clock) {
    return BucketRateLimiter.create(clock);
  }

  /**
   * Admits a request of {@code promptTokens} for {@code key} and counts it, or says how long to
   * wait (counting nothing). A key without limits is always admitted.
   */
  RateCheck acquire(KeyInfo key, long promptTokens);

  /**
   * Counts {@code tokens} more against the key's token limit (the completion, or the difference
   * between the upstream's reported usage and the prompt counted at admission; negative gives
   * tokens back).
   */
  void chargeTokens(KeyInfo key, long tokens);
}
