package dev.scalpel.learn.head;

import dev.scalpel.learn.features.SparseVector;

/**
 * A multinomial linear model: one weight per (feature, class) stored feature-major so that the
 * classes of one active feature are contiguous (the inner loops vectorize), plus a bias per class.
 */
public final class LinearHead {
  private final int dimension;
  private final int classes;
  private final float[] weights;
  private final float[] bias;

  public LinearHead(int dimension, int classes, float[] weights, float[] bias) {
    if ((long) dimension * classes != weights.length || bias.length != classes) {
      throw new IllegalArgumentException(
          String.format(
              "weights must hold %d x %d values and bias %d, found %d and %d",
              dimension, classes, classes, weights.length, bias.length));
    }
    this.dimension = dimension;
    this.classes = classes;
    this.weights = weights;
    this.bias = bias;
  }

  public int dimension() {
    return dimension;
  }

  public int classes() {
    return classes;
  }

  public float[] logits(SparseVector x) {
    float[] z = bias.clone();
    int[] indices = x.indices();
    float[] values = x.values();
    for (int k = 0; k < indices.length; k++) {
      int offset = indices[k] * classes;
      float v = values[k];
      for (int c = 0; c < classes; c++) {
        z[c] += v * weights[offset + c];
      }
    }
    return z;
  }

  public float weight(int feature, int cls) {
    return weights[feature * classes + cls];
  }

  /** The raw weights (feature-major), for serialization. */
  public float[] weights() {
    return weights.clone();
  }

  public float[] bias() {
    return bias.clone();
  }
}
