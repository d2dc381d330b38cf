package dev.scalpel.gateway.access;

import java.util.Objects;

/**
 * How much a key may spend on upstream calls: {@link Unlimited}, or {@link Limited} to an amount
 * per {@link Period}. Locally answered requests cost nothing and never touch a budget.
 */
public sealed interface Budget {
  /** No budget: the key's spend is only accounted in the request log. */
  Budget UNLIMITED = new Unlimited();

  /** A budget of {@code usd} dollars per {@code period}. */
  static Budget usd(double usd, Period period) {
    return new Limited(Usd.nanos(usd, "budget"), period);
  }

  /** No budget. */
  record Unlimited() implements Budget {}

  /**
   * At most {@code limitNanoUsd} nano-dollars of settled and reserved spend per {@code period}.
   *
   * @param limitNanoUsd the budget in nano-dollars (1e-9 USD), from 0 to a billion dollars
   */
  record Limited(long limitNanoUsd, Period period) implements Budget {
    public Limited {
      Objects.requireNonNull(period, "period");
      if (limitNanoUsd < 0 || limitNanoUsd > Usd.MAX_NANOS) {
        throw new IllegalArgumentException(
            "budget: expected 0 to " + Usd.MAX_NANOS + " nano-USD, found " + limitNanoUsd);
      }
    }

    public double usd() {
      return Usd.usd(limitNanoUsd);
    }

    /** {@code $5.00 per day}, {@code $100.00 in total}. */
    public String describe() {
      return Usd.format(limitNanoUsd)
          + (period == Period.TOTAL ? " in total" : " per " + period.wireName());
    }
  }
}
