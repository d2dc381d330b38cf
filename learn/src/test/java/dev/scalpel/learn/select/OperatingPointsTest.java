package dev.scalpel.learn.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatingPointsTest {
  private static final List<CurvePoint> CURVE =
      List.of(
          new CurvePoint(0.2, 1.0, 0.7),
          new CurvePoint(0.3, 0.9, 0.8),
          new CurvePoint(0.5, 0.7, 0.95),
          new CurvePoint(0.7, 0.4, 0.99),
          new CurvePoint(0.9, 0.1, 0.92));

  private static final OperatingPoints POINTS =
      new OperatingPoints(0.3, "rule", 0.6, 0.9, 0.75, 0.91, CURVE);

  @Test
  void decidesOosBelowTheOosThresholdOrForTheOosClass() {
    assertThat(POINTS.decide(false, 0.29)).isEqualTo(Decision.OOS);
    assertThat(POINTS.decide(true, 0.99)).isEqualTo(Decision.OOS);
    assertThat(POINTS.decide(true, 0.1)).isEqualTo(Decision.OOS);
  }

  @Test
  void abstainsBetweenTheThresholdsAndAnswersFromTheAbstainThresholdOn() {
    assertThat(POINTS.decide(false, 0.3)).isEqualTo(Decision.ABSTAIN);
    assertThat(POINTS.decide(false, 0.59)).isEqualTo(Decision.ABSTAIN);
    assertThat(POINTS.decide(false, 0.6)).isEqualTo(Decision.ANSWER);
    assertThat(POINTS.decide(false, 1.0)).isEqualTo(Decision.ANSWER);
  }

  @Test
  void anotherTargetTakesTheLowestCurveThresholdReachingIt() {
    OperatingPoints points = POINTS.withTargetPrecision(0.95);

    assertThat(points.abstainThreshold()).isEqualTo(0.5);
    assertThat(points.expectedCoverage()).isEqualTo(0.7);
    assertThat(points.expectedPrecision()).isEqualTo(0.95);
    assertThat(points.targetPrecision()).isEqualTo(0.95);
    assertThat(points.oosThreshold()).isEqualTo(0.3);
    assertThat(points.oosRule()).isEqualTo("rule");
    assertThat(points.curve()).isEqualTo(CURVE);
    assertThat(points.decide(false, 0.55)).isEqualTo(Decision.ANSWER);
    // The curve need not be monotone: 0.7 reaches 0.96, the higher 0.9 does not.
    assertThat(POINTS.withTargetPrecision(0.96).abstainThreshold()).isEqualTo(0.7);
  }

  @Test
  void curvePointsBelowTheOosThresholdAreNeverChosen() {
    // 0.2 reaches 0.6 precision too, but texts below 0.3 are already out of scope.
    OperatingPoints points = POINTS.withTargetPrecision(0.6);

    assertThat(points.abstainThreshold()).isEqualTo(0.3);
    assertThat(points.expectedCoverage()).isEqualTo(0.9);
  }

  @Test
  void anUnreachableTargetAbstainsOnEverything() {
    OperatingPoints points = POINTS.withTargetPrecision(0.995);

    assertThat(points.abstainThreshold()).isGreaterThan(1.0);
    assertThat(points.expectedCoverage()).isZero();
    assertThat(points.expectedPrecision()).isEqualTo(1.0);
    assertThat(points.decide(false, 1.0)).isEqualTo(Decision.ABSTAIN);
    assertThat(points.decide(false, 0.1)).isEqualTo(Decision.OOS);
  }

  @Test
  void keepsAnImmutableCopyOfTheCurve() {
    List<CurvePoint> curve = new ArrayList<>(CURVE);
    OperatingPoints points = new OperatingPoints(0.3, "rule", 0.6, 0.9, 0.75, 0.91, curve);
    curve.clear();

    assertThat(points.curve()).hasSize(5);
    assertThatThrownBy(() -> points.curve().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsThresholdsAndTargetsOutOfRange() {
    assertThatThrownBy(() -> new OperatingPoints(1.5, "r", 0.6, 0.9, 0, 0, CURVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("oosThreshold must be in [0, 1], found 1.5");
    assertThatThrownBy(() -> new OperatingPoints(0.3, "r", -0.1, 0.9, 0, 0, CURVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("abstainThreshold must be in [0, 1], found -0.1");
    assertThatThrownBy(() -> new OperatingPoints(0.3, "r", 0.6, 0, 0, 0, CURVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("targetPrecision must be in (0, 1], found 0.0");
    assertThatThrownBy(() -> new CurvePoint(0.5, 1.1, 0.9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("coverage and precision must be in [0, 1], found 1.1, 0.9");
  }
}
