package dev.scalpel.learn.select;

/**
 * One point of the validation precision-coverage curve: at this abstain {@code threshold}, the
 * share of in-scope held-out examples answered and the precision over everything answered (answered
 * out-of-scope examples count as wrong).
 */
public record CurvePoint(double threshold, double coverage, double precision) {
  public CurvePoint {
    if (!(coverage >= 0 && coverage <= 1) || !(precision >= 0 && precision <= 1)) {
      throw new IllegalArgumentException(
          "coverage and precision must be in [0, 1], found " + coverage + ", " + precision);
    }
  }
}
