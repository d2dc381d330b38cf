package dev.scalpel.upstream;

/** The state of a tier's circuit breaker, for metrics and the dashboard. */
public enum CircuitState {
  /** Calls pass; failures are counted. */
  CLOSED,
  /** Too many recent failures: the tier is skipped until the open duration has passed. */
  OPEN,
  /** A few trial calls decide whether to close again. */
  HALF_OPEN
}
