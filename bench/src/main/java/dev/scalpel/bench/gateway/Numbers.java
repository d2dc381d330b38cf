package dev.scalpel.bench.gateway;

import java.util.Arrays;
import java.util.List;

/** Medians over benchmark rounds, and rounding for the results files. */
final class Numbers {
  private Numbers() {}

  /** The median; the mean of the two middle values for an even count. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
