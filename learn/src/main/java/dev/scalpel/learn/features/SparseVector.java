package dev.scalpel.learn.features;

/** Feature indices in increasing order with their values. */
public record SparseVector(int[] indices, float[] values) {
  public SparseVector {
    if (indices.length != values.length) {
      throw new IllegalArgumentException(
          "indices and values differ in length: " + indices.length + " vs " + values.length);
    }
  }

  public int size() {
    return indices.length;
  }
}
