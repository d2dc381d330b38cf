package dev.scalpel.upstream;

/**
 * What a tier's circuit breaker records as a failed call. It is never thrown: resilience4j counts
 * failures as throwables, so this carries the reason without the cost of a stack trace.
 */
final class TierFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TierFailureException(String message) {
    super(message, null, false, false);
  }
}
