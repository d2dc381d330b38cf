package dev.scalpel.gateway.review;

/**
 * What a teacher run came to: items given a label, answers rejected (a label outside the set, an
 * item number that does not exist or repeats, an answer that is not the JSON asked for), items the
 * teacher left unanswered, upstream calls made, their tokens and cost, and, when an upstream call
 * failed (the run stops there), what went wrong (empty otherwise).
 */
public record TeachReport(
    int labeled,
    int rejected,
    int unanswered,
    int calls,
    long tokensIn,
    long tokensOut,
    double costUsd,
    String failure) {
  public TeachReport {
    if (labeled < 0 || rejected < 0 || unanswered < 0 || calls < 0) {
      throw new IllegalArgumentException("teach report counts must be >= 0");
    }
    failure = failure == null ? "" : failure;
  }

  /** Whether every call succeeded. */
  public boolean succeeded() {
    return failure.isEmpty();
  }
}
