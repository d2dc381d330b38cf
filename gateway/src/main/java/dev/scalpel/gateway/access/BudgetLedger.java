package dev.scalpel.gateway.access;

import dev.scalpel.gateway.accounting.RequestLog;
import java.time.Clock;
import java.util.Optional;

/**
 * Holds keys to their budgets under concurrency. Before calling an upstream, the gateway reserves
 * the request's maximum cost (prompt tokens plus the capped {@code max_tokens}, at the tier's
 * prices); a reservation is granted only if settled spend plus every reservation in flight plus
 * this one stays within the budget, so concurrent requests can never together overspend. When the
 * call returns, the reservation is settled to the actual cost, which is written to the database
 * (table {@code budget_spend}) so that a restart keeps it.
 *
 * <p>Windows are UTC calendar days or months, or the key's whole life; spend is charged to the
 * window current when it is settled. Exactness holds within one process. Several gateway processes
 * sharing the database see each other's settled spend (each reservation reads it) but not each
 * other's reservations in flight, so together they can overspend by at most what the other
 * processes hold at that moment. Thread-safe.
 */
public interface BudgetLedger extends AutoCloseable {
  /** A ledger over the database of {@code log} (opening the log migrated its schema). */
  static BudgetLedger open(RequestLog log) {
    return open(log, Clock.systemUTC());
  }

  /** As {@link #open(RequestLog)}, with the clock that decides budget windows. */
  static BudgetLedger open(RequestLog log, Clock clock) {
    return SqliteBudgetLedger.open(log.file(), clock);
  }

  /**
   * Holds {@code maxCostUsd} against the key's budget, or says it does not fit. A key without a
   * budget always gets a reservation that holds nothing.
   *
   * @throws IllegalArgumentException when {@code maxCostUsd} is negative or not finite
   * @throws AccessException when the settled spend cannot be read
   */
  BudgetCheck reserve(KeyInfo key, double maxCostUsd);

  /** The key's current window, settled spend and holds; empty for a key without a budget. */
  Optional<BudgetStatus> status(KeyInfo key);

  @Override
  void close();
}
