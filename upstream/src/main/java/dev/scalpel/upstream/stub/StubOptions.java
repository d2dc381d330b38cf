package dev.scalpel.upstream.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a {@link StubLlm} starts: where it listens (port 0 picks a free port), its initial timing,
 * the {@code Retry-After} value of its 429s, the bearer key it demands (empty: none), how many
 * requests it keeps for assertions (oldest dropped first), the model name it reports, and the text
 * of its chat answers ({@code answer}, given the request's JSON; by default "Stub answer to: "
 * followed by the last user message).
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
    String model,
    Function<JsonNode, String> answer) {
  public StubOptions {
    Objects.requireNonNull(answer, "answer");
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

  /** Options whose chat answers are the default "Stub answer to: ..." text. */
  public StubOptions(
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
    this(
        host,
        port,
        latency,
        chunkDelay,
        hangFor,
        streamBreakAfter,
        retryAfter,
        apiKey,
        recordLimit,
        model,
        ChatReplies::defaultAnswer);
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
        model,
        answer);
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
        model,
        answer);
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
        model,
        answer);
  }

  /**
   * The same options answering chats with {@code newAnswer}'s text for the request's JSON (for
   * example a fixed JSON document for a caller that asks for {@code response_format}).
   */
  public StubOptions withAnswer(Function<JsonNode, String> newAnswer) {
    return new StubOptions(
        host,
        port,
        latency,
        chunkDelay,
        hangFor,
        streamBreakAfter,
        retryAfter,
        apiKey,
        recordLimit,
        model,
        newAnswer);
  }
}
