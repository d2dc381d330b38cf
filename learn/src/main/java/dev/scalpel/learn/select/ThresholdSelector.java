package dev.scalpel.learn.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Chooses a specialist's thresholds on held-out data.
 *
 * <p>Out of scope: the highest threshold that costs at most {@code maxAccuracyDrop} of in-scope
 * accuracy. Since OOS recall only grows with the threshold, that is also the most OOS recall at
 * that cost. In-scope accuracy lost is counted over the in-scope held-out examples when the
 * held-out data has out-of-scope examples; without them, the threshold is the {@code
 * maxAccuracyDrop} percentile (the 1st by default) of the confidences of correctly predicted
 * held-out examples.
 *
 * <p>Abstain: the lowest threshold at which the precision over answered held-out examples (answered
 * out-of-scope examples count as wrong) reaches the target.
 */
public final class ThresholdSelector {
  private static final int CURVE_POINTS = 100;

  private ThresholdSelector() {}

  public static OperatingPoints select(
      List<HeldOutScore> scores, double targetPrecision, double maxAccuracyDrop) {
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("threshold selection needs held-out examples");
    }
    boolean hasOos = scores.stream().anyMatch(s -> !s.inScope());
    long inScope = scores.stream().filter(HeldOutScore::inScope).count();
    double[] correct =
        scores.stream()
            .filter(s -> s.inScope() && !s.topIsOos() && s.topCorrect())
            .mapToDouble(HeldOutScore::confidence)
            .sorted()
            .toArray();
    double oosThreshold;
    String rule;
    if (correct.length == 0) {
      oosThreshold = 0;
      rule = "none: no correctly predicted in-scope held-out example";
    } else if (hasOos) {
      int allowedLoss = (int) Math.floor(maxAccuracyDrop * inScope + 1e-9);
      oosThreshold =
          allowedLoss >= correct.length ? correct[correct.length - 1] : correct[allowedLoss];
      rule =
          String.format(
              Locale.ROOT,
              "most held-out OOS recall at <= %.1f point(s) of in-scope accuracy",
              100 * maxAccuracyDrop);
    } else {
      int k = (int) Math.floor(maxAccuracyDrop * correct.length + 1e-9);
      oosThreshold = correct[Math.min(k, correct.length - 1)];
      rule =
          String.format(
              Locale.ROOT,
              "%.1fth percentile of correct held-out confidences (held-out data has no OOS examples)",
              100 * maxAccuracyDrop);
    }
    List<CurvePoint> curve = curve(scores, oosThreshold, inScope);
    OperatingPoints points =
        new OperatingPoints(oosThreshold, rule, oosThreshold, targetPrecision, 0, 0, curve);
    return atTarget(points, scores, targetPrecision, inScope);
  }

  private static OperatingPoints atTarget(
      OperatingPoints points, List<HeldOutScore> scores, double target, long inScope) {
    HeldOutScore[] answerable =
        scores.stream()
            .filter(s -> !s.topIsOos() && s.confidence() >= points.oosThreshold())
            .sorted((a, b) -> Double.compare(b.confidence(), a.confidence()))
            .toArray(HeldOutScore[]::new);
    double best = Double.NaN;
    int answered = 0;
    int right = 0;
    int inScopeAnswered = 0;
    int bestInScopeAnswered = 0;
    double bestPrecision = 1;
    for (int i = 0; i < answerable.length; i++) {
      HeldOutScore s = answerable[i];
      answered++;
      right += s.topCorrect() ? 1 : 0;
      inScopeAnswered += s.inScope() ? 1 : 0;
      boolean lastOfTie =
          i + 1 == answerable.length || answerable[i + 1].confidence() < s.confidence();
      double precision = (double) right / answered;
      if (lastOfTie && precision >= target) {
        best = s.confidence();
        bestInScopeAnswered = inScopeAnswered;
        bestPrecision = precision;
      }
    }
    if (Double.isNaN(best)) {
      return new OperatingPoints(
          points.oosThreshold(), points.oosRule(), 1.0000001, target, 0, 1, points.curve());
    }
    return new OperatingPoints(
        points.oosThreshold(),
        points.oosRule(),
        Math.max(points.oosThreshold(), best),
        target,
        inScope == 0 ? 0 : (double) bestInScopeAnswered / inScope,
        bestPrecision,
        points.curve());
  }

  private static List<CurvePoint> curve(
      List<HeldOutScore> scores, double oosThreshold, long inScope) {
    double[] confidences =
        scores.stream()
            .filter(s -> !s.topIsOos() && s.confidence() >= oosThreshold)
            .mapToDouble(HeldOutScore::confidence)
            .sorted()
            .toArray();
    List<CurvePoint> curve = new ArrayList<>();
    if (confidences.length == 0) {
      return curve;
    }
    double[] thresholds = new double[CURVE_POINTS + 1];
    for (int q = 0; q <= CURVE_POINTS; q++) {
      int index =
          (int) Math.min(confidences.length - 1, (long) q * confidences.length / CURVE_POINTS);
      thresholds[q] = confidences[index];
    }
    double previous = -1;
    for (double t : Arrays.stream(thresholds).distinct().toArray()) {
      if (t == previous) {
        continue;
      }
      previous = t;
      int answered = 0;
      int right = 0;
      int inScopeAnswered = 0;
      for (HeldOutScore s : scores) {
        if (!s.topIsOos() && s.confidence() >= t) {
          answered++;
          right += s.topCorrect() ? 1 : 0;
          inScopeAnswered += s.inScope() ? 1 : 0;
        }
      }
      curve.add(
          new CurvePoint(
              t,
              inScope == 0 ? 0 : (double) inScopeAnswered / inScope,
              answered == 0 ? 1 : (double) right / answered));
    }
    return curve;
  }
}
