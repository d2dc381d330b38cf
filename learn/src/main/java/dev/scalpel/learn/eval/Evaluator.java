package dev.scalpel.learn.eval;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.learn.Prediction;
import dev.scalpel.learn.Specialist;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Evaluates a specialist on labeled data. Predictions are computed in batches; latency is measured
 * separately on single texts, one at a time, as a client would send them.
 */
public final class Evaluator {
  private static final int LATENCY_SAMPLE = 200;
  private static final int WARMUP = 20;

  private Evaluator() {}

  public static EvalReport evaluate(
      Specialist specialist,
      String modelName,
      Dataset data,
      boolean perturb,
      long seed,
      Progress progress) {
    List<String> gold = data.examples().stream().map(Example::label).toList();
    List<Prediction> predictions = specialist.classifyAll(data.texts(), progress);
    EvalMetrics metrics = MetricsCalculator.compute(gold, predictions, data.oosLabel());
    double[] latency = latencies(specialist, data.texts(), seed);
    metrics = metrics.withLatency(percentile(latency, 0.50), percentile(latency, 0.99));
    List<RobustnessResult> robustness = new ArrayList<>();
    if (perturb) {
      for (Perturbation p : Perturbation.values()) {
        Random random = new Random(seed);
        List<String> damaged = data.texts().stream().map(t -> p.apply(t, random)).toList();
        EvalMetrics m =
            MetricsCalculator.compute(
                gold, specialist.classifyAll(damaged, progress), data.oosLabel());
        robustness.add(
            new RobustnessResult(
                p.wireName(),
                m.inScopeAccuracy(),
                m.answeredAccuracy(),
                m.coverage(),
                m.inScopeAccuracy() == null || metrics.inScopeAccuracy() == null
                    ? null
                    : Double.valueOf(m.inScopeAccuracy() - metrics.inScopeAccuracy())));
      }
    }
    var points = specialist.info().thresholds();
    return new EvalReport(
        metrics,
        modelName,
        data.source(),
        points.abstainThreshold(),
        points.oosThreshold(),
        points.targetPrecision(),
        robustness);
  }

  private static double[] latencies(Specialist specialist, List<String> texts, long seed) {
    List<String> sample = new ArrayList<>(texts);
    java.util.Collections.shuffle(sample, new Random(seed));
    sample = sample.subList(0, Math.min(LATENCY_SAMPLE, sample.size()));
    for (int i = 0; i < Math.min(WARMUP, sample.size()); i++) {
      specialist.classify(sample.get(i));
    }
    double[] millis = new double[sample.size()];
    for (int i = 0; i < sample.size(); i++) {
      long start = System.nanoTime();
      specialist.classify(sample.get(i));
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis;
  }

  /** Nearest-rank percentile of sorted values. */
  public static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return Math.round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] * 1000) / 1000.0;
  }
}
