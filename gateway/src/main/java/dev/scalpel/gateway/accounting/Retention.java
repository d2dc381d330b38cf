package dev.scalpel.gateway.accounting;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Erases stored request text older than the retention period: once at start, then every hour, on a
 * background thread. The rows stay (accounting needs them); only the user's words go.
 */
public final class Retention implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Retention.class.getName());

  private final ScheduledExecutorService scheduler;

  private Retention(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Starts erasing text older than {@code period} (a zero period keeps text forever). */
  public static Retention start(StoredText text, Duration period, Clock clock) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("scalpel-retention").daemon(true).factory());
    if (!period.isZero()) {
      scheduler.scheduleWithFixedDelay(
          () -> {
            try {
              int erased = text.expire(clock.instant().minus(period));
              if (erased > 0) {
                LOG.log(
                    System.Logger.Level.INFO,
                    "retention: erased the stored text of {0} requests older than {1}",
                    erased,
                    period);
              }
            } catch (RequestLogException e) {
              LOG.log(System.Logger.Level.WARNING, "retention: {0}", e.getMessage());
            }
          },
          0,
          1,
          TimeUnit.HOURS);
    }
    return new Retention(scheduler);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
