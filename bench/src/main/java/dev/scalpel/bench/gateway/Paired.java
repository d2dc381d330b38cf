package dev.scalpel.bench.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The same requests sent to the stub directly and through the gateway, one pair per round, the
 * order alternating between rounds. The added latency is the median over rounds of the paired
 * difference (gateway minus direct) at the same percentile.
 */
final class Paired {
  private final Series direct = new Series();
  private final Series gateway = new Series();
  private final List<Double> gatewayCpuMsPerRequest = new ArrayList<>();
  private final List<Boolean> directFirst = new ArrayList<>();

  void add(LoadResult directRound, LoadResult gatewayRound, double gatewayCpuSeconds, boolean d1) {
    direct.add(directRound);
    gateway.add(gatewayRound);
    gatewayCpuMsPerRequest.add(1000 * gatewayCpuSeconds / Math.max(1, gatewayRound.requests()));
    directFirst.add(d1);
  }

  Series direct() {
    return direct;
  }

  Series gateway() {
    return gateway;
  }

  double addedMs(double quantile) {
    return Numbers.median(
        IntStream.range(0, direct.size())
            .mapToObj(i ->
                gateway.round(i).first().percentileMs(quantile)
                    - direct.round(i).first().percentileMs(quantile))
            .toList());
  }

  double gatewayCpuMsPerRequest() {
    return Numbers.median(gatewayCpuMsPerRequest);
  }

  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("added_p50_ms", Numbers.round3(addedMs(0.50)));
    m.put("added_p99_ms", Numbers.round3(addedMs(0.99)));
    m.put("gateway_cpu_ms_per_request", Numbers.round3(gatewayCpuMsPerRequest()));
    m.put("direct_first_in_round", directFirst);
    m.put("direct", direct.summary());
    m.put("gateway", gateway.summary());
    return m;
  }
}
