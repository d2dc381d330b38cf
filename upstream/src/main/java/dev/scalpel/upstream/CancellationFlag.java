package dev.scalpel.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@link Cancellation} over a latch and a list of actions. */
final class CancellationFlag implements Cancellation {
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private final List<Runnable> actions = new ArrayList<>();

  @Override
  public void cancel() {
    List<Runnable> toRun;
    synchronized (actions) {
      if (cancelled.getCount() == 0) {
        return;
      }
      cancelled.countDown();
      toRun = List.copyOf(actions);
      actions.clear();
    }
    toRun.forEach(Runnable::run);
  }

  @Override
  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  @Override
  public Registration onCancel(Runnable action) {
    synchronized (actions) {
      if (!isCancelled()) {
        actions.add(action);
        return () -> {
          synchronized (actions) {
            actions.remove(action);
          }
        };
      }
    }
    action.run();
    return () -> {};
  }

  @Override
  public boolean await(Duration timeout) throws InterruptedException {
    return cancelled.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }
}
