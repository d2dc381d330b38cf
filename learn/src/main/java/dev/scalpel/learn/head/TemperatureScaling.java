package dev.scalpel.learn.head;

/**
 * Calibrates confidences with one temperature T (probabilities = softmax(logits / T)) chosen to
 * minimize the negative log-likelihood of held-out labels (Guo et al. 2017). It changes confidence,
 * never the ranking of labels.
 */
public final class TemperatureScaling {
  private static final double MIN_LOG_T = Math.log(0.02);
  private static final double MAX_LOG_T = Math.log(50);

  private TemperatureScaling() {}

  /**
   * The temperature for these held-out logits; examples with {@code gold < 0} (labels the model
   * lacks) are skipped.
   */
  public static double fit(float[][] logits, int[] gold) {
    double lo = MIN_LOG_T;
    double hi = MAX_LOG_T;
    double phi = (Math.sqrt(5) - 1) / 2;
    double a = hi - phi * (hi - lo);
    double b = lo + phi * (hi - lo);
    double fa = nll(logits, gold, Math.exp(a));
    double fb = nll(logits, gold, Math.exp(b));
    for (int i = 0; i < 60; i++) {
      if (fa < fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - phi * (hi - lo);
        fa = nll(logits, gold, Math.exp(a));
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + phi * (hi - lo);
        fb = nll(logits, gold, Math.exp(b));
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  static double nll(float[][] logits, int[] gold, double temperature) {
    double total = 0;
    int count = 0;
    for (int i = 0; i < logits.length; i++) {
      if (gold[i] < 0) {
        continue;
      }
      double max = Double.NEGATIVE_INFINITY;
      for (float z : logits[i]) {
        max = Math.max(max, z / temperature);
      }
      double sum = 0;
      for (float z : logits[i]) {
        sum += Math.exp(z / temperature - max);
      }
      total += Math.log(sum) + max - logits[i][gold[i]] / temperature;
      count++;
    }
    return count == 0 ? 0 : total / count;
  }

  /** Calibrated probabilities for one example. */
  public static float[] probabilities(float[] logits, double temperature) {
    float[] p = new float[logits.length];
    for (int c = 0; c < p.length; c++) {
      p[c] = (float) (logits[c] / temperature);
    }
    SoftmaxTrainer.softmaxInPlace(p);
    return p;
  }
}
