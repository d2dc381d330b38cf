package dev.scalpel.flywheel.gate;

import dev.scalpel.learn.eval.EvalMetrics;

/**
 * The numbers a promotion decision and a version listing need, with the meanings {@code scalpel
 * eval} gives them (fractions in 0..1; {@code null} when the data cannot define one, such as
 * coverage without in-scope examples).
 */
public record MetricsSummary(
    int examples,
    Double coverage,
    Double inScopeAnsweredAccuracy,
    Double answeredAccuracy,
    Double inScopeAccuracy,
    Double oosRecall) {
  public MetricsSummary {
    if (examples < 0) {
      throw new IllegalArgumentException("examples must be >= 0, found " + examples);
    }
    for (Double fraction :
        new Double[] {
          coverage, inScopeAnsweredAccuracy, answeredAccuracy, inScopeAccuracy, oosRecall
        }) {
      if (fraction != null && !(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("fractions must be in [0, 1], found " + fraction);
      }
    }
  }

  public static MetricsSummary of(EvalMetrics metrics) {
    return new MetricsSummary(
        metrics.examples(),
        metrics.coverage(),
        metrics.inScopeAnsweredAccuracy(),
        metrics.answeredAccuracy(),
        metrics.inScopeAccuracy(),
        metrics.oosRecall());
  }
}
