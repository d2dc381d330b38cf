package dev.scalpel.upstream;

import java.time.Duration;

/**
 * How each tier's circuit breaker decides (resilience4j, count-based window): over the last {@code
 * windowSize} calls, once at least {@code minimumCalls} were made, a failure rate at or above
 * {@code failureRatePercent} opens the circuit for {@code openDuration}; then {@code halfOpenCalls}
 * trial calls decide whether it closes. Failures are connection errors, 5xx, malformed bodies,
 * timeouts, rejected credentials and broken streams; 429 and cancellations do not count either way.
 */
public record BreakerSettings(
    int windowSize,
    int minimumCalls,
    float failureRatePercent,
    Duration openDuration,
    int halfOpenCalls) {
  public BreakerSettings {
    if (windowSize < 1) {
      throw new IllegalArgumentException("breaker window: expected >= 1, found " + windowSize);
    }
    if (minimumCalls < 1 || minimumCalls > windowSize) {
      throw new IllegalArgumentException(
          "breaker minimum calls: expected 1 to the window size "
              + windowSize
              + ", found "
              + minimumCalls);
    }
    if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
      throw new IllegalArgumentException(
          "breaker failure rate: expected a percentage in (0, 100], found " + failureRatePercent);
    }
    if (openDuration == null || openDuration.isNegative() || openDuration.isZero()) {
      throw new IllegalArgumentException(
          "breaker open duration: expected a positive duration, found " + openDuration);
    }
    if (halfOpenCalls < 1) {
      throw new IllegalArgumentException(
          "breaker half-open calls: expected >= 1, found " + halfOpenCalls);
    }
  }

  /** 50% failures over the last 20 calls (at least 10) opens the circuit for 30 s. */
  public static BreakerSettings defaults() {
    return new BreakerSettings(20, 10, 50f, Duration.ofSeconds(30), 2);
  }
}
