package dev.scalpel.flywheel.retrain;

/**
 * What to do with a challenger once it is trained and gated: register it only, or also promote it
 * when the gate passes ({@code promote}), or even when it does not ({@code force}, which implies
 * promote and is written to the audit log). {@code reason} goes into the version note and the audit
 * log.
 */
public record RetrainRequest(boolean promote, boolean force, String reason) {
  public RetrainRequest {
    reason = reason == null ? "" : reason;
  }

  /** Whether a promotion is asked for at all. */
  public boolean promotes() {
    return promote || force;
  }
}
