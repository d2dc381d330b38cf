package dev.scalpel.flywheel.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {
  private static final GatePolicy HALF_POINT = new GatePolicy(0.005, 0.0);

  private static MetricsSummary metrics(Double coverage, Double answeredAccuracy) {
    return new MetricsSummary(1000, coverage, answeredAccuracy, answeredAccuracy, 0.9, 0.5);
  }

  private static GateReport decide(GateSet... sets) {
    return Gate.decide(HALF_POINT, "intent-3", 0.99, List.of(sets));
  }

  @Test
  void passesWhenAccuracyHoldsWithinToleranceAndCoverageDoesNotFall() {
    GateReport report =
        decide(new GateSet("frozen eval", metrics(0.90, 0.992), metrics(0.93, 0.988)));

    assertThat(report.passed()).isTrue();
    assertThat(report.checks()).hasSize(2).allMatch(GateCheck::passed);
    assertThat(report.reasons())
        .containsExactly(
            "frozen eval (1000 examples): answered accuracy 98.80% vs champion 99.20%, target"
                + " 99.00% (at least 98.50% needed): holds",
            "frozen eval (1000 examples): coverage 93.00% vs champion 90.00% (at least 90.00%"
                + " needed): does not fall");
  }

  @Test
  void failsWhenAnsweredAccuracyFallsBeyondTheTolerance() {
    GateReport report =
        decide(new GateSet("frozen eval", metrics(0.90, 0.975), metrics(0.95, 0.968)));

    assertThat(report.passed()).isFalse();
    assertThat(report.reasons())
        .containsExactly(
            "frozen eval (1000 examples): answered accuracy 96.80% vs champion 97.50%, target"
                + " 99.00% (at least 97.00% needed): falls");
    GateCheck failed = report.checks().getFirst();
    assertThat(failed.minimum()).isEqualTo(0.970, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aChampionAboveTheTargetDoesNotRaiseTheBar() {
    GateReport met = decide(new GateSet("frozen eval", metrics(0.80, 1.0), metrics(0.85, 0.9919)));
    GateReport missed =
        decide(new GateSet("frozen eval", metrics(0.80, 1.0), metrics(0.85, 0.9849)));

    assertThat(met.passed()).isTrue();
    assertThat(missed.passed()).isFalse();
    assertThat(missed.reasons())
        .containsExactly(
            "frozen eval (1000 examples): answered accuracy 98.49% vs champion 100.00%, target"
                + " 99.00% (at least 98.50% needed): falls");
  }

  @Test
  void failsWhenCoverageFallsOnAnySet() {
    GateReport report =
        decide(
            new GateSet("frozen eval", metrics(0.90, 0.99), metrics(0.92, 0.99)),
            new GateSet("recent traffic", metrics(0.50, 0.99), metrics(0.49, 0.99)));

    assertThat(report.passed()).isFalse();
    assertThat(report.reasons())
        .containsExactly(
            "recent traffic (1000 examples): coverage 49.00% vs champion 50.00% (at least 50.00%"
                + " needed): falls");
  }

  @Test
  void aTieIsNotAFall() {
    double coverage = 0.1 + 0.2;
    GateReport report =
        decide(new GateSet("frozen eval", metrics(0.3, 0.99), metrics(coverage, 0.99)));

    assertThat(report.passed()).isTrue();
  }

  @Test
  void aChampionThatAnswersNothingHasNoAccuracyToHold() {
    GateReport report =
        decide(new GateSet("recent traffic", metrics(0.0, null), metrics(0.6, 0.97)));

    assertThat(report.passed()).isTrue();
    assertThat(report.reasons().getFirst())
        .isEqualTo(
            "recent traffic (1000 examples): answered accuracy 97.00%, the champion answers none"
                + " of them: nothing to hold");
  }

  @Test
  void aChallengerThatAnswersNothingFails() {
    GateReport report = decide(new GateSet("frozen eval", metrics(0.9, 0.99), metrics(0.0, null)));

    assertThat(report.passed()).isFalse();
    assertThat(report.reasons())
        .containsExactly(
            "frozen eval (1000 examples): answered accuracy undefined (answers nothing) vs"
                + " champion 99.00%, target 99.00% (at least 98.50% needed): falls",
            "frozen eval (1000 examples): coverage 0.00% vs champion 90.00% (at least 90.00%"
                + " needed): falls");
  }

  @Test
  void coverageToleranceIsConfigurable() {
    GateReport report =
        Gate.decide(
            new GatePolicy(0.005, 0.02),
            "intent-1",
            0.99,
            List.of(new GateSet("frozen eval", metrics(0.90, 0.99), metrics(0.885, 0.99))));

    assertThat(report.passed()).isTrue();
  }

  @Test
  void nothingToJudgeOnFails() {
    GateReport report = decide();

    assertThat(report.passed()).isFalse();
    assertThat(report.reasons())
        .containsExactly("nothing to judge on: no evaluation examples were given");
  }
}
