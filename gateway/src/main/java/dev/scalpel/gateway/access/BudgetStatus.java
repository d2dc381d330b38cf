package dev.scalpel.gateway.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A budgeted key's current window: its budget, settled spend (every process's, from the database)
 * and the money held by this process's requests in flight.
 */
public record BudgetStatus(
    Budget.Limited budget, Instant windowStart, long spentNanoUsd, long heldNanoUsd) {
  public BudgetStatus {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(windowStart, "windowStart");
  }

  /** When the budget resets; empty for a total budget. */
  public Optional<Instant> resetsAt() {
    return budget.period().windowEnd(windowStart);
  }
}
