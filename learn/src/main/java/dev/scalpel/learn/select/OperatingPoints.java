package dev.scalpel.learn.select;

import dev.scalpel.core.Decision;
import java.util.List;

/**
 * The thresholds a specialist decides with, as chosen on held-out data: below {@code oosThreshold}
 * (or when the top label is the trained out-of-scope class) a text is out of scope; below {@code
 * abstainThreshold} the specialist abstains. The validation curve is kept so that a different
 * precision target can be set at serving time without retraining.
 */
public record OperatingPoints(
    double oosThreshold,
    String oosRule,
    double abstainThreshold,
    double targetPrecision,
    double expectedCoverage,
    double expectedPrecision,
    List<CurvePoint> curve) {

  public OperatingPoints {
    if (!(oosThreshold >= 0 && oosThreshold <= 1)) {
      throw new IllegalArgumentException("oosThreshold must be in [0, 1], found " + oosThreshold);
    }
    if (!(abstainThreshold >= 0 && abstainThreshold <= 1.0000001)) {
      throw new IllegalArgumentException(
          "abstainThreshold must be in [0, 1], found " + abstainThreshold);
    }
    if (!(targetPrecision > 0 && targetPrecision <= 1)) {
      throw new IllegalArgumentException(
          "targetPrecision must be in (0, 1], found " + targetPrecision);
    }
    curve = List.copyOf(curve);
  }

  public Decision decide(boolean topIsOos, double confidence) {
    if (topIsOos || confidence < oosThreshold) {
      return Decision.OOS;
    }
    return confidence < abstainThreshold ? Decision.ABSTAIN : Decision.ANSWER;
  }

  /**
   * The same specialist operated for another precision target: the lowest curve threshold whose
   * validation precision reaches {@code target}, or abstaining on everything when none does.
   */
  public OperatingPoints withTargetPrecision(double target) {
    CurvePoint chosen = null;
    for (CurvePoint point : curve) {
      if (point.threshold() >= oosThreshold
          && point.precision() >= target
          && (chosen == null || point.threshold() < chosen.threshold())) {
        chosen = point;
      }
    }
    if (chosen == null) {
      return new OperatingPoints(oosThreshold, oosRule, 1.0000001, target, 0, 1, curve);
    }
    return new OperatingPoints(
        oosThreshold,
        oosRule,
        Math.max(oosThreshold, chosen.threshold()),
        target,
        chosen.coverage(),
        chosen.precision(),
        curve);
  }
}
