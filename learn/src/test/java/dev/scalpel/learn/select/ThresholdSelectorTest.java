package dev.scalpel.learn.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scalpel.core.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdSelectorTest {
  private static HeldOutScore right(double confidence) {
    return new HeldOutScore(true, false, true, confidence);
  }

  private static HeldOutScore wrong(double confidence) {
    return new HeldOutScore(true, false, false, confidence);
  }

  /** An out-of-scope example whose top label is an intent. */
  private static HeldOutScore oosAsIntent(double confidence) {
    return new HeldOutScore(false, false, false, confidence);
  }

  /** An out-of-scope example whose top label is the trained out-of-scope class. */
  private static HeldOutScore oosAsOos(double confidence) {
    return new HeldOutScore(false, true, true, confidence);
  }

  /**
   * Ten in-scope examples (8 right: 0.3, 0.4, 0.55, 0.7, 0.8, 0.9, 0.95, 0.97; 2 wrong: 0.35, 0.6)
   * and four out-of-scope ones (three taken for intents at 0.2, 0.45, 0.5; one recognized).
   */
  private static final List<HeldOutScore> MIXED =
      List.of(
          right(0.3),
          right(0.4),
          right(0.55),
          right(0.7),
          right(0.8),
          right(0.9),
          right(0.95),
          right(0.97),
          wrong(0.35),
          wrong(0.6),
          oosAsIntent(0.2),
          oosAsIntent(0.45),
          oosAsIntent(0.5),
          oosAsOos(0.9));

  /** In-scope accuracy once texts below {@code oosThreshold} are declared out of scope. */
  private static double inScopeAccuracy(List<HeldOutScore> scores, double oosThreshold) {
    long inScope = scores.stream().filter(HeldOutScore::inScope).count();
    long right =
        scores.stream()
            .filter(s -> s.inScope() && s.topCorrect() && !s.topIsOos())
            .filter(s -> s.confidence() >= oosThreshold)
            .count();
    return (double) right / inScope;
  }

  private static double oosRecall(List<HeldOutScore> scores, double oosThreshold) {
    long oos = scores.stream().filter(s -> !s.inScope()).count();
    long caught =
        scores.stream()
            .filter(s -> !s.inScope() && (s.topIsOos() || s.confidence() < oosThreshold))
            .count();
    return (double) caught / oos;
  }

  @Test
  void oosThresholdIsTheHighestCostingAtMostTheAllowedAccuracy() {
    OperatingPoints oneLoss = ThresholdSelector.select(MIXED, 0.99, 0.1);
    OperatingPoints twoLosses = ThresholdSelector.select(MIXED, 0.99, 0.2);
    OperatingPoints noLoss = ThresholdSelector.select(MIXED, 0.99, 0.0);

    assertThat(oneLoss.oosThreshold()).isEqualTo(0.4);
    assertThat(twoLosses.oosThreshold()).isEqualTo(0.55);
    assertThat(noLoss.oosThreshold()).isEqualTo(0.3);
    double baseline = inScopeAccuracy(MIXED, 0);
    assertThat(baseline).isEqualTo(0.8);
    assertThat(inScopeAccuracy(MIXED, 0.4)).isEqualTo(0.7);
    assertThat(inScopeAccuracy(MIXED, 0.55)).isEqualTo(0.6);
    assertThat(inScopeAccuracy(MIXED, 0.3)).isEqualTo(0.8);
    // One step higher would cost more than allowed.
    assertThat(baseline - inScopeAccuracy(MIXED, 0.45)).isGreaterThan(0.1);
    assertThat(oosRecall(MIXED, 0.4)).isEqualTo(0.5);
    assertThat(oosRecall(MIXED, 0.55)).isEqualTo(1.0);
    assertThat(oneLoss.oosRule()).startsWith("most held-out OOS recall at <= 10");
  }

  @Test
  void oosThresholdWithoutOosExamplesIsAPercentileOfCorrectConfidences() {
    List<HeldOutScore> scores = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      scores.add(right(i / 100.0));
    }
    for (int i = 0; i < 5; i++) {
      scores.add(wrong(0.5));
    }

    OperatingPoints points = ThresholdSelector.select(scores, 0.9, 0.05);

    assertThat(points.oosThreshold()).isEqualTo(0.06);
    assertThat(inScopeAccuracy(scores, 0) - inScopeAccuracy(scores, points.oosThreshold()))
        .isCloseTo(5 / 105.0, within(1e-12))
        .isLessThanOrEqualTo(0.05);
    assertThat(points.oosRule()).endsWith("(held-out data has no OOS examples)");
  }

  @Test
  void tiedConfidencesCountTheWholeTie() {
    List<HeldOutScore> scores = List.of(right(0.5), right(0.8), wrong(0.8), right(0.9));

    OperatingPoints points = ThresholdSelector.select(scores, 0.99, 0.0);

    // Without ties, the example right at 0.8 would make 0.8 look perfectly precise.
    assertThat(points.oosThreshold()).isEqualTo(0.5);
    assertThat(points.abstainThreshold()).isEqualTo(0.9);
    assertThat(points.expectedCoverage()).isEqualTo(0.25);
    assertThat(points.expectedPrecision()).isEqualTo(1.0);
  }

  @Test
  void abstainThresholdIsTheLowestReachingTheTargetPrecision() {
    // Answerable (>= 0.4, top not out of scope), highest first, with the running precision:
    // 0.97 1/1, 0.95 2/2, 0.9 3/3, 0.8 4/4, 0.7 5/5, 0.6 5/6, 0.55 6/7, 0.5 6/8 (OOS answered),
    // 0.45 6/9 (OOS answered), 0.4 7/10.
    OperatingPoints strict = ThresholdSelector.select(MIXED, 0.99, 0.1);
    OperatingPoints middle = ThresholdSelector.select(MIXED, 0.85, 0.1);
    OperatingPoints loose = ThresholdSelector.select(MIXED, 0.69, 0.1);

    assertThat(strict.abstainThreshold()).isEqualTo(0.7);
    assertThat(strict.expectedCoverage()).isEqualTo(0.5);
    assertThat(strict.expectedPrecision()).isEqualTo(1.0);
    assertThat(middle.abstainThreshold()).isEqualTo(0.55);
    assertThat(middle.expectedCoverage()).isEqualTo(0.7);
    assertThat(middle.expectedPrecision()).isEqualTo(6 / 7.0);
    // Precision is not monotone: 0.5 and 0.45 miss 0.69, but the lower 0.4 reaches it again.
    assertThat(loose.abstainThreshold()).isEqualTo(0.4);
    assertThat(loose.expectedCoverage()).isEqualTo(0.8);
    assertThat(loose.expectedPrecision()).isEqualTo(0.7);
    assertThat(List.of(strict, middle, loose))
        .allSatisfy(p -> assertThat(p.oosThreshold()).isEqualTo(0.4));
  }

  @Test
  void abstainThresholdNeverFallsBelowTheOosThreshold() {
    OperatingPoints points = ThresholdSelector.select(MIXED, 0.5, 0.2);

    assertThat(points.oosThreshold()).isEqualTo(0.55);
    assertThat(points.abstainThreshold()).isEqualTo(0.55);
  }

  @Test
  void noThresholdReachingTheTargetAbstainsOnEverything() {
    List<HeldOutScore> scores = List.of(wrong(0.9), right(0.8), right(0.7));

    OperatingPoints points = ThresholdSelector.select(scores, 0.99, 0.0);

    assertThat(points.oosThreshold()).isEqualTo(0.7);
    assertThat(points.abstainThreshold()).isGreaterThan(1.0);
    assertThat(points.expectedCoverage()).isZero();
    assertThat(points.expectedPrecision()).isEqualTo(1.0);
    assertThat(points.decide(false, 1.0)).isEqualTo(Decision.ABSTAIN);
    assertThat(points.decide(false, 0.9)).isEqualTo(Decision.ABSTAIN);
    assertThat(points.decide(false, 0.5)).isEqualTo(Decision.OOS);
  }

  @Test
  void withoutAnyCorrectPredictionThereIsNoOosThreshold() {
    OperatingPoints points =
        ThresholdSelector.select(List.of(wrong(0.9), oosAsIntent(0.8)), 0.9, 0.01);

    assertThat(points.oosThreshold()).isZero();
    assertThat(points.oosRule()).startsWith("none:");
    assertThat(points.expectedCoverage()).isZero();
    assertThat(points.decide(false, 0.99)).isEqualTo(Decision.ABSTAIN);
  }

  @Test
  void curveHoldsCoverageAndPrecisionAtEachAnswerableConfidence() {
    List<CurvePoint> curve = ThresholdSelector.select(MIXED, 0.99, 0.1).curve();

    assertThat(curve)
        .extracting(CurvePoint::threshold)
        .containsExactly(0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97);
    assertThat(curve.get(0)).isEqualTo(new CurvePoint(0.4, 0.8, 0.7));
    assertThat(curve.get(2)).isEqualTo(new CurvePoint(0.5, 0.7, 0.75));
    assertThat(curve.get(5)).isEqualTo(new CurvePoint(0.7, 0.5, 1.0));
    assertThat(curve.get(9)).isEqualTo(new CurvePoint(0.97, 0.1, 1.0));
  }

  @Test
  void curveLetsAnotherTargetBeChosenAsIfSelectedForIt() {
    OperatingPoints selected = ThresholdSelector.select(MIXED, 0.99, 0.1);

    for (double target : new double[] {0.69, 0.8, 0.85, 0.99}) {
      OperatingPoints direct = ThresholdSelector.select(MIXED, target, 0.1);
      OperatingPoints moved = selected.withTargetPrecision(target);
      assertThat(moved.abstainThreshold())
          .as("target %s", target)
          .isEqualTo(direct.abstainThreshold());
      assertThat(moved.expectedCoverage()).isEqualTo(direct.expectedCoverage());
      assertThat(moved.expectedPrecision()).isEqualTo(direct.expectedPrecision());
    }
  }

  @Test
  void rejectsEmptyHeldOutData() {
    assertThatThrownBy(() -> ThresholdSelector.select(List.of(), 0.99, 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold selection needs held-out examples");
  }

  @Test
  void heldOutScoreRejectsConfidenceOutsideZeroToOne() {
    assertThatThrownBy(() -> right(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence must be in [0, 1], found 1.5");
    assertThatThrownBy(() -> right(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
