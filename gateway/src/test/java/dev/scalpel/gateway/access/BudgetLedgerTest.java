package dev.scalpel.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Budgets over a real SQLite file: exact under concurrency, per UTC window, kept on restart. */
@Timeout(120)
class BudgetLedgerTest {
  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  private static final int CONCURRENT = 200;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private BudgetLedger ledger;

  @BeforeEach
  void open() {
    ledger = AccessFiles.ledger(dir, clock);
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  private static KeyInfo key(String name, Budget budget) {
    return new KeyInfo(
        "key_" + name, name, Scope.INFERENCE, "sk-scalpel-abcd", T0, budget, RateLimits.NONE);
  }

  private Reservation reserved(KeyInfo key, double usd) {
    BudgetCheck check = ledger.reserve(key, usd);
    assertThat(check).isInstanceOf(BudgetCheck.Reserved.class);
    return ((BudgetCheck.Reserved) check).reservation();
  }

  private BudgetCheck.OverBudget overBudget(KeyInfo key, double usd) {
    BudgetCheck check = ledger.reserve(key, usd);
    assertThat(check).isInstanceOf(BudgetCheck.OverBudget.class);
    return (BudgetCheck.OverBudget) check;
  }

  private BudgetStatus status(KeyInfo key) {
    return ledger.status(key).orElseThrow();
  }

  /**
   * $1.00 a day with $0.95 spent; 200 requests that may cost $0.002 each reserve at once. Exactly
   * 25 fit in the $0.05 left, whatever the interleaving, and the holds never pass the budget.
   */
  @Test
  void twoHundredConcurrentReservationsAdmitExactlyWhatTheBudgetAllows() throws Exception {
    KeyInfo key = key("busy", Budget.usd(1.00, Period.DAY));
    reserved(key, 0.95).settle(0.95);

    List<Reservation> admitted = reserveConcurrently(key, 0.002);

    assertThat(admitted).hasSize(25);
    BudgetStatus held = status(key);
    assertThat(held.spentNanoUsd()).isEqualTo(950_000_000L);
    assertThat(held.heldNanoUsd()).isEqualTo(25 * 2_000_000L);
    assertThat(held.spentNanoUsd() + held.heldNanoUsd()).isEqualTo(1_000_000_000L);

    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Reservation r : admitted) {
        threads.submit(() -> r.settle(0.002));
      }
    }

    BudgetStatus settled = status(key);
    assertThat(settled.spentNanoUsd()).isEqualTo(1_000_000_000L);
    assertThat(settled.heldNanoUsd()).isZero();
    assertThat(overBudget(key, 0.000000001).spentNanoUsd()).isEqualTo(1_000_000_000L);
  }

  /**
   * The same 200 requests, each settling as soon as it is admitted, while a watcher checks that
   * settled plus held spend never passes the budget. Each admitted request costs its full
   * reservation, so exactly 25 are admitted however reservations and settlements interleave.
   */
  @Test
  void settledPlusHeldNeverPassesTheBudgetWhileRequestsComeAndGo() throws Exception {
    KeyInfo key = key("churn", Budget.usd(1.00, Period.MONTH));
    reserved(key, 0.95).settle(0.95);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong worst = new AtomicLong();
    AtomicInteger samples = new AtomicInteger();
    Thread watcher =
        Thread.ofVirtual()
            .start(() -> {
              while (running.get()) {
                BudgetStatus s = status(key);
                worst.accumulateAndGet(s.spentNanoUsd() + s.heldNanoUsd(), Math::max);
                samples.incrementAndGet();
              }
            });

    List<Future<Boolean>> outcomes = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < CONCURRENT; i++) {
        outcomes.add(
            threads.submit(() -> {
              start.await();
              return switch (ledger.reserve(key, 0.002)) {
                case BudgetCheck.Reserved r -> {
                  r.reservation().settle(0.002);
                  yield true;
                }
                case BudgetCheck.OverBudget o -> false;
              };
            }));
      }
      start.countDown();
    }
    running.set(false);
    watcher.join();

    long admitted = 0;
    for (Future<Boolean> f : outcomes) {
      admitted += f.get() ? 1 : 0;
    }
    assertThat(admitted).isEqualTo(25);
    assertThat(samples.get()).isPositive();
    assertThat(worst.get()).isLessThanOrEqualTo(1_000_000_000L);
    assertThat(status(key).spentNanoUsd()).isEqualTo(1_000_000_000L);
    assertThat(status(key).heldNanoUsd()).isZero();
  }

  private List<Reservation> reserveConcurrently(KeyInfo key, double usd) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<BudgetCheck>> checks = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < CONCURRENT; i++) {
        checks.add(
            threads.submit(() -> {
              start.await();
              return ledger.reserve(key, usd);
            }));
      }
      start.countDown();
    }
    List<Reservation> admitted = new ArrayList<>();
    for (Future<BudgetCheck> f : checks) {
      if (f.get() instanceof BudgetCheck.Reserved r) {
        admitted.add(r.reservation());
      }
    }
    return admitted;
  }

  @Test
  void aDailyBudgetResetsAtUtcMidnightAndSaysSo() {
    KeyInfo key = key("ci", Budget.usd(5, Period.DAY));
    reserved(key, 4.99).settle(4.99);
    Reservation inFlight = reserved(key, 0.005);

    BudgetCheck.OverBudget over = overBudget(key, 0.02);

    assertThat(over.resetsAt()).contains(Instant.parse("2026-11-24T00:00:00Z"));
    Refusal refusal = over.refusal();
    assertThat(refusal.status()).isEqualTo(429);
    assertThat(refusal.type()).isEqualTo("insufficient_quota");
    assertThat(refusal.code()).isEqualTo("budget_exceeded");
    assertThat(refusal.message())
        .isEqualTo(
            "The API key 'ci' has reached its budget of $5.00 per day: $4.99 spent and $0.005 held"
                + " by requests in flight, and this request may cost up to $0.02. The budget resets"
                + " at 2026-11-24T00:00:00Z.");
    assertThat(refusal.retryAfterHeader()).isEqualTo(Long.toString(12 * 3600));

    clock.set(Instant.parse("2026-11-23T23:59:59.999Z"));
    overBudget(key, 0.02);
    clock.set(Instant.parse("2026-11-24T00:00:00Z"));
    Reservation tomorrow = reserved(key, 4.995);
    assertThat(status(key).windowStart()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    // The request from yesterday still holds its money until it ends.
    overBudget(key, 0.000000001);
    inFlight.settle(0.001);
    tomorrow.release();
    assertThat(status(key).spentNanoUsd()).isEqualTo(1_000_000L);
  }

  @Test
  void aMonthlyBudgetResetsOnTheFirstOfTheNextMonth() {
    clock.set(Instant.parse("2026-01-31T23:00:00Z"));
    KeyInfo key = key("monthly", Budget.usd(1, Period.MONTH));
    reserved(key, 1).settle(1);

    assertThat(overBudget(key, 0.01).resetsAt()).contains(Instant.parse("2026-02-01T00:00:00Z"));

    clock.set(Instant.parse("2026-02-01T00:00:00Z"));
    reserved(key, 1).release();
    clock.set(Instant.parse("2026-02-28T23:59:59Z"));
    assertThat(overBudget(key, 1.01).resetsAt()).contains(Instant.parse("2026-03-01T00:00:00Z"));
  }

  @Test
  void aTotalBudgetNeverResets() {
    KeyInfo key = key("trial", Budget.usd(0.10, Period.TOTAL));
    reserved(key, 0.10).settle(0.10);
    clock.advance(Duration.ofDays(3650));

    BudgetCheck.OverBudget over = overBudget(key, 0.01);

    assertThat(over.resetsAt()).isEmpty();
    assertThat(over.refusal().retryAfterHeader()).isEmpty();
    assertThat(over.refusal().message())
        .endsWith("The budget is a total and does not reset; ask an admin for more.");
  }

  @Test
  void settledSpendSurvivesARestartAndIsSeenByAnotherProcess() {
    KeyInfo key = key("kept", Budget.usd(1, Period.DAY));
    reserved(key, 0.5).settle(0.4);

    try (BudgetLedger other = AccessFiles.ledger(dir, clock)) {
      assertThat(other.status(key).orElseThrow().spentNanoUsd()).isEqualTo(400_000_000L);
      assertThat(((BudgetCheck.Reserved) other.reserve(key, 0.5)).reservation().heldNanoUsd())
          .isEqualTo(500_000_000L);
    }
    ledger.close();
    ledger = AccessFiles.ledger(dir, clock);

    assertThat(status(key).spentNanoUsd()).isEqualTo(400_000_000L);
    assertThat(status(key).heldNanoUsd()).isZero();
    overBudget(key, 0.61);
  }

  @Test
  void aCostAboveTheHoldIsChargedInFullAndBlocksTheNextRequest() {
    KeyInfo key = key("over", Budget.usd(1, Period.DAY));

    reserved(key, 0.5).settle(1.2);

    assertThat(status(key).spentNanoUsd()).isEqualTo(1_200_000_000L);
    overBudget(key, 0);
  }

  @Test
  void aReservationEndsExactlyOnce() {
    KeyInfo key = key("once", Budget.usd(1, Period.DAY));
    Reservation r = reserved(key, 0.25);
    r.release();

    assertThatThrownBy(() -> r.settle(0.1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the reservation of $0.25 for key key_once already ended");
    assertThatThrownBy(r::release).isInstanceOf(IllegalStateException.class);
    assertThat(status(key).heldNanoUsd()).isZero();
    assertThat(status(key).spentNanoUsd()).isZero();
  }

  @Test
  void aKeyWithoutABudgetIsNeverRefusedAndHoldsNothing() {
    KeyInfo key = key("free", Budget.UNLIMITED);

    Reservation r = reserved(key, 1e6);

    assertThat(r.heldNanoUsd()).isZero();
    r.settle(1e6);
    assertThat(ledger.status(key)).isEmpty();
    assertThatThrownBy(() -> ledger.reserve(key, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximum cost: expected a number of USD from 0 to 1e9, found -1.0");
  }
}
