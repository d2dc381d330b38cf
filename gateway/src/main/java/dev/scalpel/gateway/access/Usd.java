package dev.scalpel.gateway.access;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * US dollars as integer nano-dollars, the unit budgets are kept in (as the request log keeps
 * costs), so that sums over many requests are exact and comparisons under concurrency never
 * disagree by a rounding.
 */
final class Usd {
  /** The largest amount a budget or a single reservation may hold: a billion dollars. */
  static final long MAX_NANOS = 1_000_000_000L * 1_000_000_000L;

  private static final double NANOS_PER_USD = 1e9;

  private Usd() {}

  /**
   * {@code usd} in nano-dollars, rounded to the nearest (half a nano-dollar is far below any price,
   * and rounding up would turn 0.002 into 2,000,001 nano-dollars by binary floating point).
   *
   * @param what names the amount in the error
   * @throws IllegalArgumentException for a negative, non-finite or larger than {@link #MAX_NANOS}
   *     amount
   */
  static long nanos(double usd, String what) {
    check(usd, what);
    return Math.round(usd * NANOS_PER_USD);
  }

  static double usd(long nanos) {
    return nanos / NANOS_PER_USD;
  }

  /** {@code $1.50} or {@code $0.000123}: at least two decimals, at most nine. */
  static String format(long nanos) {
    BigDecimal usd = BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
    if (usd.scale() < 2) {
      usd = usd.setScale(2, RoundingMode.UNNECESSARY);
    }
    return String.format(Locale.ROOT, "$%s", usd.toPlainString());
  }

  private static void check(double usd, String what) {
    if (!Double.isFinite(usd) || usd < 0 || usd * NANOS_PER_USD > MAX_NANOS) {
      throw new IllegalArgumentException(
          what + ": expected a number of USD from 0 to 1e9, found " + usd);
    }
  }
}
