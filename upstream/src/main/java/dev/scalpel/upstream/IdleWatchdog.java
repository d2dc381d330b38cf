package dev.scalpel.upstream;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a stream that has been silent for longer than its idle timeout, or that outlives its
 * deadline. One check is scheduled at a time, re-armed for the time that is left, so a busy stream
 * costs one timer task per timeout period rather than one per chunk.
 */
final class IdleWatchdog implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final long idleNanos;
  private final long deadlineNanos;
  private final Runnable onExpiry;
  private volatile long lastActivity;
  private volatile boolean expired;
  private volatile boolean closed;
  private ScheduledFuture<?> pending;

  private IdleWatchdog(
      ScheduledExecutorService timer, long idleNanos, long deadlineNanos, Runnable onExpiry) {
    this.timer = timer;
    this.idleNanos = idleNanos;
    this.deadlineNanos = deadlineNanos;
    this.onExpiry = onExpiry;
    this.lastActivity = System.nanoTime();
  }

  /** Starts watching; {@code deadlineNanos} is on the {@link System#nanoTime()} scale. */
  static IdleWatchdog start(
      ScheduledExecutorService timer, long idleNanos, long deadlineNanos, Runnable onExpiry) {
    IdleWatchdog watchdog = new IdleWatchdog(timer, idleNanos, deadlineNanos, onExpiry);
    watchdog.check();
    return watchdog;
  }

  /** The stream made progress. */
  void touch() {
    lastActivity = System.nanoTime();
  }

  /** Whether the watchdog stopped the stream. */
  boolean expired() {
    return expired;
  }

  /** Whether the stop was due to the deadline rather than idleness. */
  boolean deadlinePassed() {
    return System.nanoTime() - deadlineNanos >= 0;
  }

  private synchronized void check() {
    if (closed) {
      return;
    }
    long now = System.nanoTime();
    long left = Math.min(lastActivity + idleNanos - now, deadlineNanos - now);
    if (left <= 0) {
      expired = true;
      onExpiry.run();
      return;
    }
    pending = timer.schedule(this::check, left, TimeUnit.NANOSECONDS);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (pending != null) {
      pending.cancel(false);
    }
  }
}
