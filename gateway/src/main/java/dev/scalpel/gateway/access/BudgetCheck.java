package dev.scalpel.gateway.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link BudgetLedger#reserve}: money held for the request, or not enough left. */
public sealed interface BudgetCheck {
  /** The request's maximum cost is held; settle or release {@code reservation} when it ends. */
  record Reserved(Reservation reservation) implements BudgetCheck {
    public Reserved {
      Objects.requireNonNull(reservation, "reservation");
    }
  }

  /**
   * Settled plus held spend plus this request's maximum cost would pass the budget.
   *
   * @param windowStart the start of the budget window checked
   * @param checkedAt when the check was made (Retry-After counts from it)
   */
  record OverBudget(
      String keyName,
      Budget.Limited budget,
      long spentNanoUsd,
      long heldNanoUsd,
      long requestedNanoUsd,
      Instant windowStart,
      Instant checkedAt)
      implements BudgetCheck {
    public OverBudget {
      Objects.requireNonNull(keyName, "keyName");
      Objects.requireNonNull(budget, "budget");
      Objects.requireNonNull(windowStart, "windowStart");
      Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** When the budget resets; empty for a total budget, which never does. */
    public Optional<Instant> resetsAt() {
      return budget.period().windowEnd(windowStart);
    }

    /**
     * 429 {@code insufficient_quota} naming the budget and when it resets, with a Retry-After until
     * then (none for a total budget).
     */
    public Refusal refusal() {
      String when =
          resetsAt()
              .map(t -> " The budget resets at " + t + ".")
              .orElse(" The budget is a total and does not reset; ask an admin for more.");
      return new Refusal(
          429,
          "insufficient_quota",
          "budget_exceeded",
          "The API key '"
              + keyName
              + "' has reached its budget of "
              + budget.describe()
              + ": "
              + Usd.format(spentNanoUsd)
              + " spent and "
              + Usd.format(heldNanoUsd)
              + " held by requests in flight, and this request may cost up to "
              + Usd.format(requestedNanoUsd)
              + "."
              + when,
          resetsAt().map(t -> Duration.between(checkedAt, t)).orElse(Duration.ZERO));
    }
  }
}
