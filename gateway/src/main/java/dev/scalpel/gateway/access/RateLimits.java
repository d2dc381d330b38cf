package dev.scalpel.gateway.access;

/**
 * A key's rate limits: requests and tokens per minute, each enforced by a token bucket that holds a
 * minute's worth and refills continuously. 0 means no limit.
 *
 * @param requestsPerMinute requests admitted per minute, or 0 for no limit
 * @param tokensPerMinute prompt and completion tokens per minute, or 0 for no limit
 */
public record RateLimits(long requestsPerMinute, long tokensPerMinute) {
  /** Neither requests nor tokens limited. */
  public static final RateLimits NONE = new RateLimits(0, 0);

  /** The largest limit accepted (keeps the buckets' integer arithmetic far from overflow). */
  public static final long MAX_PER_MINUTE = 1_000_000_000L;

  public RateLimits {
    check("requests per minute", requestsPerMinute);
    check("tokens per minute", tokensPerMinute);
  }

  public boolean limitsRequests() {
    return requestsPerMinute > 0;
  }

  public boolean limitsTokens() {
    return tokensPerMinute > 0;
  }

  private static void check(String what, long value) {
    if (value < 0 || value > MAX_PER_MINUTE) {
      throw new IllegalArgumentException(
          what + ": expected 0 (no limit) to " + MAX_PER_MINUTE + ", found " + value);
    }
  }
}
