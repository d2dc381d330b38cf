package dev.scalpel.bench.gateway;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The latencies of one measurement, sorted, with nearest-rank percentiles in milliseconds. */
final class Latencies {
  private final long[] sorted;

  private Latencies(long[] sorted) {
    this.sorted = sorted;
  }

  /** The first {@code count} values of {@code nanos}, copied and sorted. */
  static Latencies of(long[] nanos, int count) {
    long[] copy = Arrays.copyOf(nanos, count);
    Arrays.sort(copy);
    return new Latencies(copy);
  }

  int count() {
    return sorted.length;
  }

  /** The smallest latency that at least {@code quantile} of the requests did not exceed. */
  double percentileMs(double quantile) {
    if (quantile <= 0 || quantile > 1) {
      throw new IllegalArgumentException("quantile: expected (0, 1], found " + quantile);
    }
    if (sorted.length == 0) {
      throw new IllegalStateException("no latencies were measured");
    }
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", sorted.length);
    if (sorted.length == 0) {
      return m;
    }
    m.put("p50_ms", Numbers.round3(percentileMs(0.50)));
    m.put("p90_ms", Numbers.round3(percentileMs(0.90)));
    m.put("p99_ms", Numbers.round3(percentileMs(0.99)));
    m.put("p999_ms", Numbers.round3(percentileMs(0.999)));
    m.put("max_ms", Numbers.round3(sorted[sorted.length - 1] / 1e6));
    m.put("mean_ms", Numbers.round3(Arrays.stream(sorted).average().orElse(0) / 1e6));
    return m;
  }
}
