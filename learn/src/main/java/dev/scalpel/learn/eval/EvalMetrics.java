package dev.scalpel.learn.eval;

import java.util.List;

/**
 * Evaluation of a specialist on labeled data. Fractions are in 0..1, latencies in milliseconds. A
 * metric that is undefined for the data (OOS recall without OOS examples, say) is {@code null}.
 *
 * <ul>
 *   <li>{@code inScopeAccuracy}: in-scope examples whose final prediction (OOS decision included)
 *       is right.
 *   <li>{@code oosRecall}, {@code oosPrecision}: of the OOS decisions, against the out-of-scope
 *       examples.
 *   <li>{@code coverage}: share of in-scope examples answered at the abstain threshold.
 *   <li>{@code inScopeAnsweredAccuracy}: accuracy over the in-scope examples answered.
 *   <li>{@code answeredAccuracy}: accuracy over everything answered; an answered OOS example counts
 *       as wrong.
 *   <li>{@code macroF1}: mean F1 over labels (the out-of-scope label included) of the final
 *       predictions.
 *   <li>{@code ece}: expected calibration error of the top label's confidence, 15 equal-width bins.
 * </ul>
 */
public record EvalMetrics(
    Double inScopeAccuracy,
    Double oosRecall,
    Double oosPrecision,
    Double coverage,
    Double inScopeAnsweredAccuracy,
    Double answeredAccuracy,
    Double macroF1,
    Double ece,
    double p50Ms,
    double p99Ms,
    int examples,
    List<Confusion> confusions) {
  public EvalMetrics {
    confusions = List.copyOf(confusions);
  }

  public EvalMetrics withLatency(double p50, double p99) {
    return new EvalMetrics(
        inScopeAccuracy,
        oosRecall,
        oosPrecision,
        coverage,
        inScopeAnsweredAccuracy,
        answeredAccuracy,
        macroF1,
        ece,
        p50,
        p99,
        examples,
        confusions);
  }
}
