package dev.scalpel.flywheel.gate;

/**
 * How much a challenger may give up and still be promoted: {@code answeredAccuracyTolerance} of
 * answered accuracy (0.005 = half a point below the lower of the champion's and the precision
 * target) and {@code coverageTolerance} of coverage (0 by default: coverage must not fall).
 */
public record GatePolicy(double answeredAccuracyTolerance, double coverageTolerance) {
  public static final double DEFAULT_ANSWERED_ACCURACY_TOLERANCE = 0.005;
  public static final double DEFAULT_COVERAGE_TOLERANCE = 0.0;

  public GatePolicy {
    if (!(answeredAccuracyTolerance >= 0 && answeredAccuracyTolerance < 1)) {
      throw new IllegalArgumentException(
          "answered accuracy tolerance must be in [0, 1), found " + answeredAccuracyTolerance);
    }
    if (!(coverageTolerance >= 0 && coverageTolerance < 1)) {
      throw new IllegalArgumentException(
          "coverage tolerance must be in [0, 1), found " + coverageTolerance);
    }
  }

  public static GatePolicy defaults() {
    return new GatePolicy(DEFAULT_ANSWERED_ACCURACY_TOLERANCE, DEFAULT_COVERAGE_TOLERANCE);
  }
}
