package dev.scalpel.learn.head;

import dev.scalpel.core.progress.Progress;
import dev.scalpel.learn.features.SparseVector;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link LinearHead} by minimizing L2-regularized cross-entropy with plain stochastic
 * gradient descent. One pass over 15,000 examples with ~500 active features and 151 classes costs
 * well under a second: the model is multinomial (one softmax over all classes), so unlike
 * one-vs-rest it does not train a model per class. The decay {@code lr / (1 + lr * l2 * t)} and the
 * scaled-weights trick for L2 are Bottou's. Deterministic for a given seed.
 */
public final class SoftmaxTrainer {
  private final TrainerParams params;

  public SoftmaxTrainer(TrainerParams params) {
    this.params = params;
  }

  public LinearHead train(
      List<SparseVector> xs, int[] y, int dimension, int classes, Progress progress) {
    if (xs.size() != y.length) {
      throw new IllegalArgumentException("features and labels differ in count");
    }
    float[] w = new float[dimension * classes];
    float[] b = new float[classes];
    float[] z = new float[classes];
    double scale = 1;
    int n = xs.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(params.seed());
    double lr = params.learningRate();
    double l2 = params.l2();
    long t = 0;
    float[] averageW = new float[w.length];
    float[] averageB = new float[classes];
    float[] classWeight = classWeights(y, classes);
    int averaged = 0;
    int averageFrom = params.epochs() / 2;
    progress.start("training", (long) params.epochs() * n);
    for (int epoch = 0; epoch < params.epochs(); epoch++) {
      shuffle(order, random);
      for (int i : order) {
        double eta = lr / (1 + lr * l2 * t++);
        SparseVector x = xs.get(i);
        int[] indices = x.indices();
        float[] values = x.values();
        System.arraycopy(b, 0, z, 0, classes);
        for (int k = 0; k < indices.length; k++) {
          int offset = indices[k] * classes;
          float v = (float) (values[k] * scale);
          for (int c = 0; c < classes; c++) {
            z[c] += v * w[offset + c];
          }
        }
        softmaxInPlace(z);
        z[y[i]] -= 1;
        scale *= 1 - eta * l2;
        float step = (float) (eta / scale) * classWeight[y[i]];
        for (int k = 0; k < indices.length; k++) {
          int offset = indices[k] * classes;
          float v = values[k] * step;
          for (int c = 0; c < classes; c++) {
            w[offset + c] -= v * z[c];
          }
        }
        float biasStep = (float) eta * classWeight[y[i]];
        for (int c = 0; c < classes; c++) {
          b[c] -= biasStep * z[c];
        }
        if (scale < 1e-6) {
          rescale(w, scale);
          scale = 1;
        }
      }
      if (epoch >= averageFrom) {
        float s = (float) scale;
        for (int i = 0; i < w.length; i++) {
          averageW[i] += s * w[i];
        }
        for (int c = 0; c < classes; c++) {
          averageB[c] += b[c];
        }
        averaged++;
      }
      progress.advance(n);
    }
    rescale(averageW, 1.0 / averaged);
    rescale(averageB, 1.0 / averaged);
    progress.finish();
    return new LinearHead(dimension, classes, averageW, averageB);
  }

  /** 1 for every class, or {@code n / (present classes * count)} when balancing. */
  private float[] classWeights(int[] y, int classes) {
    float[] weights = new float[classes];
    java.util.Arrays.fill(weights, 1f);
    if (!params.balanceClasses() || y.length == 0) {
      return weights;
    }
    int[] counts = new int[classes];
    for (int label : y) {
      counts[label]++;
    }
    long present = java.util.Arrays.stream(counts).filter(c -> c > 0).count();
    for (int c = 0; c < classes; c++) {
      if (counts[c] > 0) {
        weights[c] = (float) ((double) y.length / (present * counts[c]));
      }
    }
    return weights;
  }

  /** Replaces logits with probabilities. */
  public static void softmaxInPlace(float[] z) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      z[c] = (float) Math.exp(z[c] - max);
      sum += z[c];
    }
    float inv = (float) (1 / sum);
    for (int c = 0; c < z.length; c++) {
      z[c] *= inv;
    }
  }

  private static void rescale(float[] w, double scale) {
    float s = (float) scale;
    for (int i = 0; i < w.length; i++) {
      w[i] *= s;
    }
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
  }
}
