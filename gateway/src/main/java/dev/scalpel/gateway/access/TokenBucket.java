package dev.scalpel.gateway.access;

/**
 * A token bucket that holds a minute's worth ({@code perMinute}) and refills continuously at {@code
 * perMinute} per minute. The level is kept in integer units of 1/60,000,000 token (a token per
 * microsecond of a minute), so refills are exact and tests with a fixed clock see exact waits. The
 * level may go below zero when more is charged after the fact than was there ({@link #charge});
 * later requests then wait until it is paid back. Not thread-safe: the owner locks.
 */
final class TokenBucket {
  static final long MICROS_PER_MINUTE = 60_000_000L;

  /** How far below zero the level may go: an hour's allowance (and far from overflow). */
  private static final long MAX_DEBT_MINUTES = 60;

  private final long perMinute;
  private final long capacity;
  private long level;
  private long lastMicros;

  TokenBucket(long perMinute, long nowMicros) {
    if (perMinute < 1 || perMinute > RateLimits.MAX_PER_MINUTE) {
      throw new IllegalArgumentException(
          "bucket size: expected 1 to " + RateLimits.MAX_PER_MINUTE + ", found " + perMinute);
    }
    this.perMinute = perMinute;
    this.capacity = perMinute * MICROS_PER_MINUTE;
    this.level = capacity;
    this.lastMicros = nowMicros;
  }

  /**
   * Microseconds until {@code amount} can be taken, 0 if now. An amount above the bucket's size
   * waits for a full bucket (and then drives the level below zero), so that a request larger than a
   * minute's allowance is slow, not impossible.
   */
  long waitMicros(long amount, long nowMicros) {
    refill(nowMicros);
    long needed = Math.min(units(amount), capacity);
    if (level >= needed) {
      return 0;
    }
    return Math.ceilDiv(needed - level, perMinute);
  }

  /** Takes {@code amount}; call after {@link #waitMicros} returned 0. */
  void take(long amount) {
    level = Math.max(-MAX_DEBT_MINUTES * capacity, level - units(amount));
  }

  /** Charges {@code amount} more (negative: gives it back, up to a full bucket). */
  void charge(long amount, long nowMicros) {
    refill(nowMicros);
    level = Math.clamp(level - units(amount), -MAX_DEBT_MINUTES * capacity, capacity);
  }

  private void refill(long nowMicros) {
    // A clock that steps back refills nothing; a full minute refills everything, and capping the
    // elapsed time there keeps the product below overflow.
    long elapsed = Math.min(Math.max(0, nowMicros - lastMicros), MICROS_PER_MINUTE);
    lastMicros = Math.max(lastMicros, nowMicros);
    level = Math.min(capacity, level + elapsed * perMinute);
  }

  private static long units(long tokens) {
    if (tokens < -RateLimits.MAX_PER_MINUTE || tokens > RateLimits.MAX_PER_MINUTE) {
      throw new IllegalArgumentException(
          "tokens: expected at most " + RateLimits.MAX_PER_MINUTE + " at once, found " + tokens);
    }
    return tokens * MICROS_PER_MINUTE;
  }
}
