package dev.scalpel.upstream;

import java.time.Duration;

/**
 * A handle the gateway cancels when its client goes away. An upstream call that sees it cancelled
 * stops at once: the in-flight HTTP exchange is cancelled or its stream closed, no retry or
 * fallback follows, and the outcome is {@link UpstreamOutcome.Cancelled}. Interrupting the calling
 * thread has the same effect. Thread-safe; one handle per client request.
 */
public interface Cancellation {
  /** A fresh handle, not cancelled. */
  static Cancellation create() {
    return new CancellationFlag();
  }

  /** Cancels; idempotent, callable from any thread. */
  void cancel();

  boolean isCancelled();

  /**
   * Runs {@code action} when this handle is cancelled, at once if it already is. Close the returned
   * registration when the action is no longer needed.
   */
  Registration onCancel(Runnable action);

  /**
   * Waits up to {@code timeout} for cancellation; returns whether this handle was cancelled.
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  boolean await(Duration timeout) throws InterruptedException;

  /** Undoes an {@link #onCancel} registration. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
