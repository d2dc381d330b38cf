package dev.scalpel.bench.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rounds of one measurement, summarised by their medians (the median round of each figure). */
final class Series {
  private final List<LoadResult> rounds = new ArrayList<>();

  void add(LoadResult round) {
    rounds.add(round);
  }

  LoadResult round(int i) {
    return rounds.get(i);
  }

  int size() {
    return rounds.size();
  }

  /** The median over rounds of each round's latency percentile (to the first chunk). */
  double percentileMs(double quantile) {
    return Numbers.median(rounds.stream().map(r -> r.first().percentileMs(quantile)).toList());
  }

  /** The median over rounds of each round's latency percentile to the end of the answer. */
  double percentileToEndMs(double quantile) {
    return Numbers.median(rounds.stream().map(r -> r.total().percentileMs(quantile)).toList());
  }

  double perSecond() {
    return Numbers.median(rounds.stream().map(LoadResult::perSecond).toList());
  }

  long requests() {
    return rounds.stream().mapToLong(LoadResult::requests).sum();
  }

  long failures() {
    return rounds.stream().mapToLong(LoadResult::failures).sum();
  }

  long unexpected() {
    return rounds.stream().mapToLong(LoadResult::unexpected).sum();
  }

  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("median_p50_ms", Numbers.round3(percentileMs(0.50)));
    m.put("median_p99_ms", Numbers.round3(percentileMs(0.99)));
    m.put("median_requests_per_s", Numbers.round1(perSecond()));
    m.put("requests_timed", requests());
    m.put("failures", failures());
    m.put("unexpected", unexpected());
    m.put("rounds", rounds.stream().map(LoadResult::summary).toList());
    return m;
  }
}
