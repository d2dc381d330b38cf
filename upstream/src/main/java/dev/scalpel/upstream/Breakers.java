package dev.scalpel.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One resilience4j circuit breaker per tier name, created on first use. */
final class Breakers {
  private final CircuitBreakerConfig config;
  private final ConcurrentMap<String, CircuitBreaker> byTier = new ConcurrentHashMap<>();

  private Breakers(CircuitBreakerConfig config) {
    this.config = config;
  }

  static Breakers create(BreakerSettings settings) {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(settings.windowSize())
            .minimumNumberOfCalls(settings.minimumCalls())
            .failureRateThreshold(settings.failureRatePercent())
            .waitDurationInOpenState(settings.openDuration())
            .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .writableStackTraceEnabled(false)
            .build();
    return new Breakers(config);
  }

  CircuitBreaker of(Tier tier) {
    return byTier.computeIfAbsent(tier.name(), name -> CircuitBreaker.of(name, config));
  }

  CircuitState state(String tier) {
    CircuitBreaker breaker = byTier.get(tier);
    return breaker == null ? CircuitState.CLOSED : map(breaker.getState());
  }

  Map<String, CircuitState> states() {
    Map<String, CircuitState> states = new TreeMap<>();
    byTier.forEach((name, breaker) -> states.put(name, map(breaker.getState())));
    return Collections.unmodifiableMap(states);
  }

  private static CircuitState map(CircuitBreaker.State state) {
    return switch (state) {
      case OPEN, FORCED_OPEN -> CircuitState.OPEN;
      case HALF_OPEN -> CircuitState.HALF_OPEN;
      case CLOSED, DISABLED, METRICS_ONLY -> CircuitState.CLOSED;
    };
  }
}
