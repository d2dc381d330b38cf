package dev.scalpel.gateway.access;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link BudgetLedger}: settled spend in SQLite, holds in memory. One lock per key makes "read
 * the settled spend, compare with held plus requested, add the hold" a single step, and settling
 * takes the same lock, so no reservation ever sees a state in which a settled cost has left the
 * holds but not yet reached the spend.
 */
final class SqliteBudgetLedger implements BudgetLedger {
  /** The money this process holds for one key's requests in flight. */
  private static final class Holds {
    // A lock rather than synchronized: callers are virtual threads and the work does I/O.
    final ReentrantLock lock = new ReentrantLock();
    long held;
  }

  private final AccessDatabase db;
  private final Clock clock;
  private final ConcurrentMap<String, Holds> holds = new ConcurrentHashMap<>();

  private SqliteBudgetLedger(AccessDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  static SqliteBudgetLedger open(Path file, Clock clock) {
    return new SqliteBudgetLedger(AccessDatabase.open(file), clock);
  }

  @Override
  public BudgetCheck reserve(KeyInfo key, double maxCostUsd) {
    long requested = Usd.nanos(maxCostUsd, "maximum cost");
    return switch (key.budget()) {
      case Budget.Unlimited u -> new BudgetCheck.Reserved(Unmetered.INSTANCE);
      case Budget.Limited budget -> reserve(key, budget, requested);
    };
  }

  private BudgetCheck reserve(KeyInfo key, Budget.Limited budget, long requested) {
    Holds h = holds(key);
    h.lock.lock();
    try {
      Instant now = clock.instant();
      Instant start = budget.period().windowStart(now);
      long spent = spent(key.id(), start);
      if (spent + h.held + requested > budget.limitNanoUsd()) {
        return new BudgetCheck.OverBudget(key.name(), budget, spent, h.held, requested, start, now);
      }
      h.held += requested;
      return new BudgetCheck.Reserved(new Hold(key.id(), budget, requested));
    } finally {
      h.lock.unlock();
    }
  }

  @Override
  public Optional<BudgetStatus> status(KeyInfo key) {
    return switch (key.budget()) {
      case Budget.Unlimited u -> Optional.empty();
      case Budget.Limited budget -> {
        Holds h = holds(key);
        h.lock.lock();
        try {
          Instant start = budget.period().windowStart(clock.instant());
          yield Optional.of(new BudgetStatus(budget, start, spent(key.id(), start), h.held));
        } finally {
          h.lock.unlock();
        }
      }
    };
  }

  @Override
  public void close() {
    db.close();
  }

  private Holds holds(KeyInfo key) {
    return holds.computeIfAbsent(key.id(), id -> new Holds());
  }

  private long spent(String keyId, Instant windowStart) {
    return db.run(
        "read the budget spend of key " + keyId,
        sql -> {
          PreparedStatement s =
              sql.prepare(
                  "SELECT spent_nano_usd FROM budget_spend WHERE key_id = ? AND period_start_ms = ?");
          s.setString(1, keyId);
          s.setLong(2, windowStart.toEpochMilli());
          try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }

  private void addSpend(String keyId, Instant windowStart, long cost) {
    db.run(
        "record the budget spend of key " + keyId,
        sql -> {
          PreparedStatement s =
              sql.prepare(
                  "INSERT INTO budget_spend (key_id, period_start_ms, spent_nano_usd)"
                      + " VALUES (?, ?, ?) ON CONFLICT (key_id, period_start_ms)"
                      + " DO UPDATE SET spent_nano_usd = spent_nano_usd + excluded.spent_nano_usd");
          s.setString(1, keyId);
          s.setLong(2, windowStart.toEpochMilli());
          s.setLong(3, cost);
          return s.executeUpdate();
        });
  }

  /** A hold on a budgeted key. */
  private final class Hold implements Reservation {
    private final String keyId;
    private final Budget.Limited budget;
    private final long amount;
    private final AtomicBoolean ended = new AtomicBoolean();

    Hold(String keyId, Budget.Limited budget, long amount) {
      this.keyId = keyId;
      this.budget = budget;
      this.amount = amount;
    }

    @Override
    public long heldNanoUsd() {
      return amount;
    }

    @Override
    public void settle(double actualCostUsd) {
      long cost = Usd.nanos(actualCostUsd, "actual cost");
      end(cost);
    }

    @Override
    public void release() {
      end(0);
    }

    private void end(long cost) {
      if (!ended.compareAndSet(false, true)) {
        throw new IllegalStateException(
            "the reservation of " + Usd.format(amount) + " for key " + keyId + " already ended");
      }
      Holds h = holds.get(keyId);
      h.lock.lock();
      try {
        if (cost > 0) {
          addSpend(keyId, budget.period().windowStart(clock.instant()), cost);
        }
      } finally {
        h.held -= amount;
        h.lock.unlock();
      }
    }
  }

  /** The reservation of a key without a budget: holds nothing, records nothing. */
  private enum Unmetered implements Reservation {
    INSTANCE;

    @Override
    public long heldNanoUsd() {
      return 0;
    }

    @Override
    public void settle(double actualCostUsd) {
      Usd.nanos(actualCostUsd, "actual cost");
    }

    @Override
    public void release() {}
  }
}
