package dev.scalpel.gateway.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link RateLimiter}: two {@link TokenBucket}s per limited key, taken together or not at all.
 */
final class BucketRateLimiter implements RateLimiter {
  /** A key's buckets; absent ones are unlimited. */
  private static final class Buckets {
    final ReentrantLock lock = new ReentrantLock();
    final TokenBucket requests;
    final TokenBucket tokens;

    Buckets(RateLimits limits, long nowMicros) {
      requests =
          limits.limitsRequests() ? new TokenBucket(limits.requestsPerMinute(), nowMicros) : null;
      tokens = limits.limitsTokens() ? new TokenBucket(limits.tokensPerMinute(), nowMicros) : null;
    }
  }

  private final Clock clock;
  private final ConcurrentMap<String, Buckets> buckets = new ConcurrentHashMap<>();

  private BucketRateLimiter(Clock clock) {
    this.clock = clock;
  }

  static BucketRateLimiter create(Clock clock) {
    return new BucketRateLimiter(clock);
  }

  @Override
  public RateCheck acquire(KeyInfo key, long promptTokens) {
    RateLimits limits = key.limits();
    if (!limits.limitsRequests() && !limits.limitsTokens()) {
      return RateCheck.ALLOWED;
    }
    long now = nowMicros();
    Buckets b = buckets(key, now);
    b.lock.lock();
    try {
      long requestWait = b.requests == null ? 0 : b.requests.waitMicros(1, now);
      long tokenWait = b.tokens == null ? 0 : b.tokens.waitMicros(promptTokens, now);
      if (requestWait > 0 || tokenWait > 0) {
        boolean requests = requestWait >= tokenWait;
        return new RateCheck.Limited(
            key.name(),
            requests ? RateCheck.Limited.REQUESTS : RateCheck.Limited.TOKENS,
            requests ? limits.requestsPerMinute() : limits.tokensPerMinute(),
            Duration.of(Math.max(requestWait, tokenWait), ChronoUnit.MICROS));
      }
      if (b.requests != null) {
        b.requests.take(1);
      }
      if (b.tokens != null) {
        b.tokens.take(promptTokens);
      }
      return RateCheck.ALLOWED;
    } finally {
      b.lock.unlock();
    }
  }

  @Override
  public void chargeTokens(KeyInfo key, long tokens) {
    if (!key.limits().limitsTokens()) {
      return;
    }
    long now = nowMicros();
    Buckets b = buckets(key, now);
    b.lock.lock();
    try {
      b.tokens.charge(tokens, now);
    } finally {
      b.lock.unlock();
    }
  }

  private Buckets buckets(KeyInfo key, long nowMicros) {
    return buckets.computeIfAbsent(key.id(), id -> new Buckets(key.limits(), nowMicros));
  }

  private long nowMicros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
