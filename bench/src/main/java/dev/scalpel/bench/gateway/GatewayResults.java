package dev.scalpel.bench.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Everything one gateway benchmark run measured, the targets, and whether each was met.
 *
 * @param header command, date, machine and settings
 * @param localTexts the texts sent to be answered locally (those the engine answers from a
 *     template)
 * @param idle the gateway's memory after start, before any load
 * @param loaded the gateway's memory after all the load
 * @param idleCpuShare the share of one core the gateway used while idle, after the warm-up
 */
record GatewayResults(
    Map<String, Object> header,
    List<String> localTexts,
    Paired pass1,
    Paired pass16,
    Paired stream1,
    Paired stream16,
    Series local2,
    Series local16,
    Series engine,
    ChildGateway.Memory idle,
    ChildGateway.Memory loaded,
    double idleCpuShare,
    Accounting accounting) {
  static final double ADDED_P50_1 = 0.5;
  static final double ADDED_P99_1 = 3;
  static final double ADDED_P50_16 = 3;
  static final double ADDED_P99_16 = 10;
  static final double ADDED_FIRST_CHUNK = 2;
  static final double PASSTHROUGH_PER_S = 3000;
  static final double LOCAL_SHARE_OF_ENGINE = 0.8;
  static final double LOCAL_P99_MS = 25;
  static final double RSS_MB = 600;

  GatewayResults {
    header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
    localTexts = List.copyOf(localTexts);
  }

  /**
   * Locally answered requests per second as a share of the engine's classifications per second: the
   * median over rounds of the ratio within a round, since the engine and the gateway were measured
   * next to each other and this machine's speed drifts between rounds.
   */
  double localShare(Series local) {
    return Numbers.median(
        IntStream.range(0, local.size())
            .mapToObj(i -> local.round(i).perSecond() / engine.round(i).perSecond())
            .toList());
  }

  /** Each target of the benchmark section, and whether this run met it. */
  Map<String, Boolean> verdicts() {
    Map<String, Boolean> v = new LinkedHashMap<>();
    v.put("added_p50_1_connection_<=_0.5_ms", pass1.addedMs(0.50) <= ADDED_P50_1);
    v.put("added_p99_1_connection_<=_3_ms", pass1.addedMs(0.99) <= ADDED_P99_1);
    v.put("added_p50_16_connections_<=_3_ms", pass16.addedMs(0.50) <= ADDED_P50_16);
    v.put("added_p99_16_connections_<=_10_ms", pass16.addedMs(0.99) <= ADDED_P99_16);
    v.put("added_first_chunk_p50_1_connection_<=_2_ms", stream1.addedMs(0.50) <= ADDED_FIRST_CHUNK);
    v.put(
        "passthrough_16_connections_>=_3000_per_s",
        pass16.gateway().perSecond() >= PASSTHROUGH_PER_S);
    v.put("local_16_connections_>=_80%_of_engine", localShare(local16) >= LOCAL_SHARE_OF_ENGINE);
    v.put("local_2_connections_>=_80%_of_engine", localShare(local2) >= LOCAL_SHARE_OF_ENGINE);
    v.put("local_p99_16_connections_<_25_ms", local16.percentileMs(0.99) < LOCAL_P99_MS);
    v.put("local_p99_2_connections_<_25_ms", local2.percentileMs(0.99) < LOCAL_P99_MS);
    v.put("gateway_rss_<_600_MB", loaded.rssMegabytes() < RSS_MB);
    v.put("log_rows_equal_responses", accounting.matches());
    return v;
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>(header);
    m.put("verdicts", verdicts());
    m.put("passthrough_1_connection", pass1.summary());
    m.put("passthrough_16_connections", pass16.summary());
    m.put("streaming_first_chunk_1_connection", stream1.summary());
    m.put("streaming_first_chunk_16_connections", stream16.summary());
    Map<String, Object> local = new LinkedHashMap<>();
    local.put("texts", localTexts);
    local.put("engine_2_threads", engine.summary());
    local.put("gateway_2_connections", local2.summary());
    local.put("gateway_16_connections", local16.summary());
    local.put("share_of_engine_2_connections", Numbers.round3(localShare(local2)));
    local.put("share_of_engine_16_connections", Numbers.round3(localShare(local16)));
    m.put("local", local);
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("jvm_options", ChildGateway.JVM_OPTIONS);
    memory.put("idle_rss_mib", Numbers.round1(idle.rssMib()));
    memory.put("after_load_rss_mib", Numbers.round1(loaded.rssMib()));
    memory.put("after_load_rss_mb", Numbers.round1(loaded.rssMegabytes()));
    memory.put("peak_rss_mib", Numbers.round1(loaded.peakMib()));
    m.put("gateway_memory", memory);
    m.put("gateway_idle_cpu_share_of_one_core", Numbers.round3(idleCpuShare));
    m.put("accounting", accounting.summary());
    return m;
  }
}
