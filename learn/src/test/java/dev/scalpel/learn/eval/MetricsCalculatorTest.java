package dev.scalpel.learn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scalpel.core.Decision;
import dev.scalpel.learn.Prediction;
import dev.scalpel.learn.ScoredLabel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {
  private static final String OOS = "oos";

  /** A prediction whose top label is {@code top}, as the specialist would finalize it. */
  private static Prediction predicted(String top, double confidence, Decision decision) {
    String label = decision == Decision.OOS ? OOS : top;
    return new Prediction(
        label, confidence, List.of(new ScoredLabel(top, confidence)), decision, List.of());
  }

  /**
   * Ten hand-checked examples. Final labels: a, c, a, oos, oos, a, oos, a, oos, b.
   *
   * <pre>
   *  #  gold  top  conf  decision  final right
   *  1  a     a    0.90  answer    a     yes
   *  2  a     c    0.80  answer    c     no
   *  3  b     a    0.60  abstain   a     no
   *  4  b     b    0.20  oos       oos   no
   *  5  oos   a    0.10  oos       oos   yes (caught)
   *  6  oos   a    0.95  answer    a     no  (answered out-of-scope)
   *  7  oos   oos  0.70  oos       oos   yes (caught)
   *  8  a     a    0.99  answer    a     yes
   *  9  b     b    0.15  oos       oos   no
   * 10  b     b    0.85  answer    b     yes
   * </pre>
   */
  private static final List<String> GOLD =
      List.of("a", "a", "b", "b", OOS, OOS, OOS, "a", "b", "b");

  private static final List<Prediction> PREDICTIONS =
      List.of(
          predicted("a", 0.90, Decision.ANSWER),
          predicted("c", 0.80, Decision.ANSWER),
          predicted("a", 0.60, Decision.ABSTAIN),
          predicted("b", 0.20, Decision.OOS),
          predicted("a", 0.10, Decision.OOS),
          predicted("a", 0.95, Decision.ANSWER),
          predicted(OOS, 0.70, Decision.OOS),
          predicted("a", 0.99, Decision.ANSWER),
          predicted("b", 0.15, Decision.OOS),
          predicted("b", 0.85, Decision.ANSWER));

  private static final EvalMetrics METRICS = MetricsCalculator.compute(GOLD, PREDICTIONS, OOS);

  @Test
  void inScopeAccuracyCountsFinalLabelsOfInScopeExamples() {
    // In scope: 1, 2, 3, 4, 8, 9, 10; right: 1, 8, 10. Abstaining on 3 keeps its (wrong) label.
    assertThat(METRICS.inScopeAccuracy()).isEqualTo(3 / 7.0);
  }

  @Test
  void oosRecallAndPrecisionComeFromOosDecisions() {
    // Out of scope: 5, 6, 7, of which 5 and 7 are decided oos; oos decisions: 4, 5, 7, 9.
    assertThat(METRICS.oosRecall()).isEqualTo(2 / 3.0);
    assertThat(METRICS.oosPrecision()).isEqualTo(0.5);
  }

  @Test
  void coverageIsTheShareOfInScopeExamplesAnswered() {
    // Answered in scope: 1, 2, 8, 10 of 7.
    assertThat(METRICS.coverage()).isEqualTo(4 / 7.0);
  }

  @Test
  void inScopeAnsweredAccuracyIgnoresOutOfScopeExamples() {
    // Of 1, 2, 8, 10, right: 1, 8, 10.
    assertThat(METRICS.inScopeAnsweredAccuracy()).isEqualTo(0.75);
  }

  @Test
  void answeredAccuracyCountsAnAnsweredOutOfScopeExampleAsWrong() {
    // Answered: 1, 2, 6, 8, 10; right: 1, 8, 10.
    assertThat(METRICS.answeredAccuracy()).isEqualTo(0.6);
  }

  @Test
  void macroF1AveragesOverTheGoldLabelsOutOfScopeIncluded() {
    // a: precision 2/4 (final a: 1, 3, 6, 8), recall 2/3 -> 4/7.
    // b: precision 1/1, recall 1/4 -> 2/5.
    // oos: precision 2/4 (final oos: 4, 5, 7, 9), recall 2/3 -> 4/7.
    // c is predicted but never gold, so it is not averaged.
    assertThat(METRICS.macroF1()).isCloseTo((4 / 7.0 + 2 / 5.0 + 4 / 7.0) / 3, within(1e-12));
  }

  @Test
  void eceBinsTopLabelConfidencesInFifteenEqualBins() {
    // Bins of width 1/15, |correct - confidence| summed per bin (top label before decisions):
    // 13: 0.90 right -> 0.10; 12: 0.80 wrong + 0.85 right -> |1 - 1.65| = 0.65;
    // 9: 0.60 wrong -> 0.60; 3: 0.20 right -> 0.80; 1: 0.10 wrong -> 0.10;
    // 14: 0.95 wrong + 0.99 right -> |1 - 1.94| = 0.94; 10: 0.70 right -> 0.30;
    // 2: 0.15 right -> 0.85. Sum 4.34 over 10 examples.
    assertThat(METRICS.ece()).isCloseTo(0.434, within(1e-9));
  }

  @Test
  void confusionsAreOrderedByCountThenGoldThenPredicted() {
    assertThat(METRICS.confusions())
        .containsExactly(
            new Confusion("b", OOS, 2),
            new Confusion("a", "c", 1),
            new Confusion("b", "a", 1),
            new Confusion(OOS, "a", 1));
  }

  @Test
  void countsExamplesAndLeavesLatencyToTheEvaluator() {
    assertThat(METRICS.examples()).isEqualTo(10);
    assertThat(METRICS.p50Ms()).isZero();
    assertThat(METRICS.p99Ms()).isZero();
  }

  @Test
  void perfectPredictionsScoreOneAndHaveNoConfusions() {
    EvalMetrics m =
        MetricsCalculator.compute(
            List.of("a", "b", OOS),
            List.of(
                predicted("a", 1.0, Decision.ANSWER),
                predicted("b", 1.0, Decision.ANSWER),
                predicted(OOS, 1.0, Decision.OOS)),
            OOS);

    assertThat(m.inScopeAccuracy()).isEqualTo(1.0);
    assertThat(m.oosRecall()).isEqualTo(1.0);
    assertThat(m.oosPrecision()).isEqualTo(1.0);
    assertThat(m.coverage()).isEqualTo(1.0);
    assertThat(m.answeredAccuracy()).isEqualTo(1.0);
    assertThat(m.macroF1()).isEqualTo(1.0);
    assertThat(m.ece()).isZero();
    assertThat(m.confusions()).isEmpty();
  }

  @Test
  void metricsUndefinedForTheDataAreNull() {
    // No out-of-scope examples, no oos decisions, nothing answered.
    EvalMetrics m =
        MetricsCalculator.compute(
            List.of("a", "b"),
            List.of(predicted("a", 0.5, Decision.ABSTAIN), predicted("a", 0.4, Decision.ABSTAIN)),
            OOS);

    assertThat(m.oosRecall()).isNull();
    assertThat(m.oosPrecision()).isNull();
    assertThat(m.inScopeAnsweredAccuracy()).isNull();
    assertThat(m.answeredAccuracy()).isNull();
    assertThat(m.coverage()).isZero();
    assertThat(m.inScopeAccuracy()).isEqualTo(0.5);

    EvalMetrics empty = MetricsCalculator.compute(List.of(), List.of(), OOS);
    assertThat(empty.inScopeAccuracy()).isNull();
    assertThat(empty.macroF1()).isNull();
    assertThat(empty.ece()).isNull();
    assertThat(empty.examples()).isZero();
  }

  @Test
  void keepsTheTenMostFrequentConfusions() {
    List<String> gold = new ArrayList<>();
    List<Prediction> predictions = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      for (int k = 0; k <= i; k++) {
        gold.add("gold" + (char) ('a' + i));
        predictions.add(predicted("x", 0.9, Decision.ANSWER));
      }
    }

    List<Confusion> confusions = MetricsCalculator.compute(gold, predictions, OOS).confusions();

    assertThat(confusions).hasSize(10);
    assertThat(confusions.getFirst()).isEqualTo(new Confusion("goldl", "x", 12));
    assertThat(confusions.getLast()).isEqualTo(new Confusion("goldc", "x", 3));
  }

  @Test
  void rejectsGoldAndPredictionsOfDifferentCounts() {
    assertThatThrownBy(() -> MetricsCalculator.compute(List.of("a"), List.of(), OOS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gold and predictions differ in count");
  }
}
