package dev.scalpel.bench.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One timed measurement: {@code requests} answers received in {@code seconds} over {@code
 * connections} closed loops, their latencies to the first chunk and to the end, and the HTTP
 * statuses seen; {@code failures} (requests that got no answer) and {@code unexpected} (answers
 * that were not the expected ones, the first {@code problem} described) include the warm-up
 * requests.
 */
record LoadResult(
    int connections,
    double seconds,
    long requests,
    Latencies first,
    Latencies total,
    long failures,
    long unexpected,
    Map<Integer, Long> statuses,
    String problem) {
  LoadResult {
    if (connections < 1 || seconds <= 0 || requests < 0 || failures < 0 || unexpected < 0) {
      throw new IllegalArgumentException(
          "expected connections >= 1, seconds > 0 and counts >= 0, found "
              + connections
              + ", "
              + seconds
              + ", "
              + requests
              + ", "
              + failures
              + ", "
              + unexpected);
    }
    statuses = Map.copyOf(statuses);
  }

  double perSecond() {
    return requests / seconds;
  }

  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("connections", connections);
    m.put("seconds", Numbers.round3(seconds));
    m.put("requests", requests);
    m.put("requests_per_s", Numbers.round1(perSecond()));
    m.put("latency", first.summary());
    if (first != total) {
      m.put("latency_to_end", total.summary());
    }
    m.put("failures", failures);
    m.put("unexpected", unexpected);
    m.put("statuses", new TreeMap<>(statuses));
    if (!problem.isEmpty()) {
      m.put("first_problem", problem);
    }
    return m;
  }
}
