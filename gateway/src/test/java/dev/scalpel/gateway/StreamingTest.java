package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.TokenCounter;
import dev.scalpel.upstream.stub.StubLlm;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamed chat completions over plain HTTP: server-sent events in OpenAI's chunk format, ending
 * with {@code data: [DONE]}, with a usage chunk only when {@code stream_options.include_usage} asks
 * for one; for local answers, hand-offs, escalations and pass-through.
 */
@Timeout(60)
class StreamingTest {
  private static final TokenCounter TOKENS = TokenCounter.create();

  @TempDir static Path dir;
  private static StubLlm stub;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    stub = StubLlm.start();
    gateway =
        RunningGateway.start(
            GatewayYaml.create().tier("primary", stub.baseUrl(), "gpt-4o", "10s", 1).write(dir));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    stub.close();
  }

  @BeforeEach
  void resetStub() {
    stub.faults().clear();
    stub.clearRequests();
  }

  @Test
  void aLocalAnswerStreamsInOpenAiChunksAndEndsWithDone() {
    ObjectNode request = Bodies.streamed("scalpel", "Where is my order?", false);

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "content-type")).startsWith("text/event-stream");
    assertThat(header(response, "x-scalpel-route")).isEqualTo("local");
    assertThat(header(response, "x-scalpel-specialist")).isEqualTo("intent");
    String id = header(response, "x-scalpel-request-id");
    Sse sse = Sse.parse(response.body());
    assertThat(sse.events()).allSatisfy(e -> assertThat(e.name()).isEmpty());
    assertThat(sse.data().getLast()).isEqualTo("[DONE]");
    assertThat(sse.data()).filteredOn("[DONE]"::equals).hasSize(1);
    List<ObjectNode> chunks = sse.chunks();
    assertThat(chunks).hasSizeGreaterThanOrEqualTo(3);
    long created = chunks.getFirst().path("created").asLong();
    for (ObjectNode chunk : chunks) {
      assertThat(chunk.path("id").asText()).isEqualTo("chatcmpl-" + id.substring(4));
      assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
      assertThat(chunk.path("model").asText()).isEqualTo("scalpel");
      assertThat(chunk.path("created").asLong()).isEqualTo(created);
      assertThat(chunk.has("usage")).as("usage only when asked for: %s", chunk).isFalse();
      assertThat(chunk.path("choices")).hasSize(1);
      assertThat(chunk.path("choices").get(0).path("index").asInt()).isZero();
    }
    JsonNode first = chunks.getFirst().path("choices").get(0);
    assertThat(first.path("delta").path("role").asText()).isEqualTo("assistant");
    JsonNode last = chunks.getLast().path("choices").get(0);
    assertThat(last.path("finish_reason").asText()).isEqualTo("stop");
    assertThat(last.path("delta").isEmpty()).isTrue();
    for (ObjectNode chunk : chunks.subList(0, chunks.size() - 1)) {
      assertThat(chunk.path("choices").get(0).path("finish_reason").isNull()).isTrue();
    }
    assertThat(sse.content()).isEqualTo(GatewayYaml.TRACK_ORDER_ANSWER);

    RequestRecord row = gateway.row(response);
    assertThat(row.route()).isEqualTo(Route.LOCAL);
    assertThat(row.status()).isEqualTo(200);
    assertThat(row.tokensIn()).isEqualTo(TOKENS.countMessages(request.get("messages")));
    assertThat(row.tokensOut()).isEqualTo(TOKENS.countText(GatewayYaml.TRACK_ORDER_ANSWER));
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void aLocalStreamEndsWithAUsageChunkWhenAskedFor() {
    ObjectNode request = Bodies.streamed("scalpel", "Where is my order?", true);

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    Sse sse = Sse.parse(response.body());
    assertThat(sse.data().getLast()).isEqualTo("[DONE]");
    List<ObjectNode> chunks = sse.chunks();
    for (ObjectNode chunk : chunks.subList(0, chunks.size() - 1)) {
      assertThat(chunk.get("usage")).as("usage is null before the last chunk").isNotNull();
      assertThat(chunk.get("usage").isNull()).isTrue();
    }
    ObjectNode usageChunk = chunks.getLast();
    assertThat(usageChunk.path("object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(usageChunk.path("choices")).isEmpty();
    long prompt = TOKENS.countMessages(request.get("messages"));
    long completion = TOKENS.countText(GatewayYaml.TRACK_ORDER_ANSWER);
    assertThat(usageChunk.path("usage").path("prompt_tokens").asLong()).isEqualTo(prompt);
    assertThat(usageChunk.path("usage").path("completion_tokens").asLong()).isEqualTo(completion);
    assertThat(usageChunk.path("usage").path("total_tokens").asLong())
        .isEqualTo(prompt + completion);
    assertThat(sse.content()).isEqualTo(GatewayYaml.TRACK_ORDER_ANSWER);
  }

  @Test
  void aHandoffStreamsTheHandoffReply() {
    HttpResponse<String> response =
        gateway.chat(Bodies.streamed("scalpel", "I want to speak to a human", false));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("handoff");
    Sse sse = Sse.parse(response.body());
    assertThat(sse.data().getLast()).isEqualTo("[DONE]");
    assertThat(sse.content()).isEqualTo(GatewayYaml.HANDOFF_REPLY);
    assertThat(gateway.row(response).route()).isEqualTo(Route.HANDOFF);
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void anEscalatedStreamForwardsTheUpstreamChunksWithoutUsage() {
    ObjectNode request = Bodies.streamed("scalpel", "I want to cancel my order", false);
    request.put("temperature", 0.7);
    request.put("seed", 7);

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "content-type")).startsWith("text/event-stream");
    assertThat(header(response, "x-scalpel-route")).isEqualTo("escalated");
    assertThat(header(response, "x-scalpel-specialist")).isEqualTo("intent");
    assertThat(stub.requests()).hasSize(1);
    ObjectNode expected = request.deepCopy();
    expected.put("model", "gpt-4o");
    assertThat(stub.requests().getFirst().json()).isEqualTo(expected);
    Sse sse = Sse.parse(response.body());
    assertThat(sse.events()).allSatisfy(e -> assertThat(e.name()).isEmpty());
    assertThat(sse.data().getLast()).isEqualTo("[DONE]");
    assertThat(sse.data()).filteredOn("[DONE]"::equals).hasSize(1);
    String answer = "Stub answer to: I want to cancel my order";
    assertThat(sse.content()).isEqualTo(answer);
    for (ObjectNode chunk : sse.chunks()) {
      assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
      assertThat(chunk.path("model").asText()).isEqualTo("gpt-4o");
      assertThat(chunk.has("usage")).isFalse();
    }
    assertThat(sse.chunks().getLast().path("choices").get(0).path("finish_reason").asText())
        .isEqualTo("stop");

    RequestRecord row = gateway.row(response);
    assertThat(row.route()).isEqualTo(Route.ESCALATED);
    assertThat(row.upstream()).isEqualTo("primary");
    assertThat(row.status()).isEqualTo(200);
    // The stub reported no usage, so Scalpel counted it.
    assertThat(row.tokensIn()).isEqualTo(TOKENS.countMessages(request.get("messages")));
    assertThat(row.tokensOut()).isEqualTo(TOKENS.countText(answer));
  }

  @Test
  void anEscalatedStreamPassesTheUsageChunkOnWhenAskedFor() {
    ObjectNode request = Bodies.streamed("scalpel", "I want to cancel my order", true);

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("escalated");
    JsonNode received = stub.requests().getFirst().json();
    assertThat(received.path("stream").asBoolean()).isTrue();
    assertThat(received.path("stream_options").path("include_usage").asBoolean()).isTrue();
    Sse sse = Sse.parse(response.body());
    assertThat(sse.data().getLast()).isEqualTo("[DONE]");
    ObjectNode usageChunk = sse.chunks().getLast();
    assertThat(usageChunk.path("choices")).isEmpty();
    long in = usageChunk.path("usage").path("prompt_tokens").asLong();
    long out = usageChunk.path("usage").path("completion_tokens").asLong();
    assertThat(in).isPositive();
    assertThat(out).isPositive();
    RequestRecord row = gateway.row(response);
    assertThat(row.tokensIn()).isEqualTo(in);
    assertThat(row.tokensOut()).isEqualTo(out);
  }

  @Test
  void aPassThroughStreamCarriesNoSpecialistHeader() {
    HttpResponse<String> response = gateway.chat(Bodies.streamed("gpt-4o", "Hello there", false));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("passthrough");
    assertThat(response.headers().firstValue("x-scalpel-specialist")).isEmpty();
    Sse sse = Sse.parse(response.body());
    assertThat(sse.data().getLast()).isEqualTo("[DONE]");
    assertThat(sse.content()).isEqualTo("Stub answer to: Hello there");
    assertThat(gateway.row(response).route()).isEqualTo(Route.PASSTHROUGH);
  }

  @Test
  void streamFalseIsAnOrdinaryCompletion() {
    ObjectNode request = Bodies.chat("scalpel", "Where is my order?");
    request.put("stream", false);

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "content-type")).startsWith("application/json");
    assertThat(RunningGateway.json(response.body()).path("object").asText())
        .isEqualTo("chat.completion");
  }
}
