package dev.scalpel.upstream.stub;

import java.time.Duration;

/**
 * How a {@link StubLlm} starts: where it listens (port 0 picks a free port), its initial timing,
 * the {@code Retry-After} value of its 429s, the bearer key it demands (empty: none), how many
 * requests it keeps for assertions (oldest dropped first), and the model name it reports.
 */
public record StubOptions(
    String host,
    int port,
    Duration latency,
    Duration chunkDelay,
    Duration hangFor,
    int streamBreakAfter,
    String retryAfter,
    String apiKey,
    int recordLimit,
    String model) {
  public StubOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("stub host: expected a host name, found blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("stub port: expected 0 to 65535, found " + port);
    }
    ArmedFaults.checkDuration("stub latency", latency);
    ArmedFaults.checkDuration("stub chunk delay", chunkDelay);
    ArmedFaults.checkDuration("stub hang", hangFor);
    if (streamBreakAfter < 0) {
      throw new IllegalArgumentException(
          "stub stream break: expected >= 0 chunks, found " + streamBreakAfter);
    }
    if (retryAfter == null || apiKey == null) {
      throw new IllegalArgumentException("stub Retry-After and API key: expected text, found null");
    }
    if (recordLimit < 0) {
      throw new IllegalArgumentException("stub record limit: expected >= 0, found " + recordLimit);
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("stub model: expected a model name, found blank");
    }
  }

  /** Loopback, a free port, no delays, 30 s hangs, break after 2 chunks, Retry-After 1. */
  public static StubOptions defaults() {
    return new StubOptions(
        "127.0.0.1",
        0,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ofSeconds(30),
        2,
        "1",
        "",
        1000,
        "stub-model");
  }

  public StubOptions withPort(int newPort) {
    return new StubOptions(
        host,
        newPort,
        latency,
        chunkDelay,
        hangFor,
        streamBreakAfter,
        retryAfter,
        apiKey,
        recordLimit,
        model);
  }

  public StubOptions withApiKey(String key) {
    return new StubOptions(
        host,
        port,
        latency,
        chunkDelay,
        hangFor,
        streamBreakAfter,
        retryAfter,
        key,
        recordLimit,
        model);
  }

  public StubOptions withLatency(Duration delay) {
    return new StubOptions(
        host,
        port,
        delay,
        chunkDelay,
        hangFor,
        streamBreakAfter,
        retryAfter,
        apiKey,
        recordLimit,
        model);
  }
}
