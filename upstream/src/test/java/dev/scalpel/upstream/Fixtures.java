package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.upstream.stub.StubLlm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared request bodies, tiers and settings for the upstream tests. */
final class Fixtures {
  /** Loading an encoding takes a moment; the tests share one. */
  static final TokenCounter COUNTER = TokenCounter.create();

  private Fixtures() {}

  static ObjectNode chat(String text) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("model", "scalpel");
    body.putArray("messages").addObject().put("role", "user").put("content", text);
    return body;
  }

  static Tier tier(String name, StubLlm stub) {
    return tier(name, stub.baseUrl());
  }

  static Tier tier(String name, URI baseUrl) {
    return Tier.of(name, baseUrl, "model-" + name)
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
        .withMaxRetries(2);
  }

  /** Short waits so the tests stay fast; a breaker that does not open unless a test asks. */
  static Upstreams.Builder upstreams() {
    return Upstreams.builder()
        .tokenCounter(COUNTER)
        .retryPolicy(new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20), 2, 0.5))
        .breakerSettings(new BreakerSettings(100, 100, 50f, Duration.ofMinutes(1), 1));
  }

  static Instant in(Duration duration) {
    return Instant.now().plus(duration);
  }

  static Instant soon() {
    return in(Duration.ofSeconds(20));
  }

  /** A base URL where nothing listens: connections are refused. */
  static URI deadBaseUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/v1");
  }

  static List<Attempt.Result> results(UpstreamOutcome outcome) {
    return outcome.attempts().stream().map(Attempt::result).toList();
  }

  /** Collects what a stream hands over. */
  static final class CollectingSink implements ChunkSink {
    final List<String> data = new CopyOnWriteArrayList<>();
    final List<JsonNode> chunks = new CopyOnWriteArrayList<>();
    final AtomicInteger done = new AtomicInteger();

    @Override
    public void onChunk(String json, JsonNode chunk) throws IOException {
      data.add(json);
      chunks.add(chunk);
    }

    @Override
    public void onDone() {
      done.incrementAndGet();
    }

    String text() {
      StringBuilder text = new StringBuilder();
      for (JsonNode chunk : chunks) {
        for (JsonNode choice : chunk.path("choices")) {
          text.append(choice.path("delta").path("content").asText(""));
        }
      }
      return text.toString();
    }
  }
}
