package dev.scalpel.gateway.config;

import java.time.Duration;

/**
 * The response cache for escalated, non-streamed answers: on or off, how long an answer is kept, at
 * most how many, and whether requests with a temperature other than 0 may be cached too.
 */
public record CacheConfig(boolean enabled, Duration ttl, int maxEntries, boolean anyTemperature) {
  public CacheConfig {
    if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
      throw new IllegalArgumentException("cache ttl and max_entries must be positive");
    }
  }

  /** On, 10 minutes, 10,000 answers, temperature 0 only. */
  public static CacheConfig defaults() {
    return new CacheConfig(true, Duration.ofMinutes(10), 10_000, false);
  }
}
