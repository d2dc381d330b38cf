package dev.scalpel.upstream.stub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.io.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stub speaks OpenAI's protocol over real HTTP, and acts out its faults. */
class StubLlmTest {
  private static final String CHAT =
      "{\"model\":\"m1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static StubLlm stub;

  @BeforeAll
  static void start() {
    stub = StubLlm.start();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void reset() {
    stub.faults().clear();
    stub.clearRequests();
  }

  @Test
  void answersChatCompletionsDeterministically() throws Exception {
    HttpResponse<String> response = post("/chat/completions", CHAT + "}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(body.get("id").asText()).startsWith("chatcmpl-stub-");
    assertThat(body.get("object").asText()).isEqualTo("chat.completion");
    assertThat(body.get("created").asLong()).isPositive();
    assertThat(body.get("model").asText()).isEqualTo("m1");
    assertThat(body.at("/choices/0/message/role").asText()).isEqualTo("assistant");
    assertThat(body.at("/choices/0/message/content").asText())
        .isEqualTo("Stub answer to: hi there");
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(body.at("/usage/total_tokens").asInt())
        .isEqualTo(
            body.at("/usage/prompt_tokens").asInt() + body.at("/usage/completion_tokens").asInt());
    assertThat(body.at("/usage/completion_tokens").asInt()).isPositive();
  }

  @Test
  void maxTokensCutsTheAnswer() throws Exception {
    HttpResponse<String> response = post("/chat/completions", CHAT + ",\"max_tokens\":2}");

    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Stub answer");
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("length");
  }

  @Test
  void streamsOneChunkPerWordThenUsageThenDone() throws Exception {
    HttpResponse<String> response =
        post(
            "/chat/completions",
            CHAT + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    List<String> data =
        response
            .body()
            .lines()
            .filter(l -> l.startsWith("data: "))
            .map(l -> l.substring(6))
            .toList();
    // role, 5 words, finish, usage, [DONE]
    assertThat(data).hasSize(9);
    assertThat(data.getLast()).isEqualTo("[DONE]");
    JsonNode first = Json.mapper().readTree(data.get(0));
    assertThat(first.get("object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(first.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
    assertThat(first.get("usage").isNull()).isTrue();
    StringBuilder text = new StringBuilder();
    for (String chunk : data.subList(1, 6)) {
      text.append(Json.mapper().readTree(chunk).at("/choices/0/delta/content").asText());
    }
    assertThat(text.toString()).isEqualTo("Stub answer to: hi there");
    assertThat(Json.mapper().readTree(data.get(6)).at("/choices/0/finish_reason").asText())
        .isEqualTo("stop");
    JsonNode usage = Json.mapper().readTree(data.get(7));
    assertThat(usage.get("choices")).isEmpty();
    assertThat(usage.at("/usage/prompt_tokens").asInt()).isPositive();
  }

  @Test
  void embeddingsAndModels() throws Exception {
    HttpResponse<String> embeddings = post("/embeddings", "{\"input\":\"a cat\",\"dimensions\":4}");
    JsonNode body = Json.mapper().readTree(embeddings.body());
    assertThat(body.at("/data/0/embedding")).hasSize(4);
    assertThat(body.get("model").asText()).isEqualTo("stub-model");
    double norm = 0;
    for (JsonNode v : body.at("/data/0/embedding")) {
      norm += v.asDouble() * v.asDouble();
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

    HttpResponse<String> models =
        HTTP.send(
            HttpRequest.newBuilder(uri("/models")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(Json.mapper().readTree(models.body()).at("/data/0/id").asText())
        .isEqualTo("stub-model");
  }

  @Test
  void badRequestsGetOpenAiShaped400s() throws Exception {
    assertError(post("/chat/completions", "{not json"), 400, "invalid_request_error");
    assertError(post("/chat/completions", "{\"messages\":[]}"), 400, "invalid_request_error");
    assertError(post("/embeddings", "{\"input\":5}"), 400, "invalid_request_error");
    assertError(
        post("/chat/completions", CHAT + "}", "x-stub-fault", "nonsense"),
        400,
        "invalid_request_error");
    assertError(
        post("/chat/completions", CHAT + "}", "x-stub-latency-ms", "-5"),
        400,
        "invalid_request_error");
  }

  @Test
  void faultsBySettingAreUsedUp() throws Exception {
    stub.faults().set(Fault.SERVER_ERROR, 2);

    assertError(post("/chat/completions", CHAT + "}"), 500, "server_error");
    assertError(post("/chat/completions", CHAT + "}"), 500, "server_error");
    assertThat(post("/chat/completions", CHAT + "}").statusCode()).isEqualTo(200);
  }

  @Test
  void faultsByHeader() throws Exception {
    assertError(
        post("/chat/completions", CHAT + "}", "x-stub-fault", "service_unavailable"),
        503,
        "server_error");
    HttpResponse<String> limited =
        post("/chat/completions", CHAT + "}", "x-stub-fault", "rate_limited");
    assertError(limited, 429, "requests");
    assertThat(limited.headers().firstValue("retry-after")).contains("1");
    HttpResponse<String> tooLong =
        post("/chat/completions", CHAT + "}", "x-stub-fault", "context_length_exceeded");
    assertError(tooLong, 400, "invalid_request_error");
    assertThat(Json.mapper().readTree(tooLong.body()).at("/error/code").asText())
        .isEqualTo("context_length_exceeded");
    HttpResponse<String> malformed =
        post("/chat/completions", CHAT + "}", "x-stub-fault", "malformed_body");
    assertThat(malformed.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> Json.mapper().readTree(malformed.body()))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () -> post("/chat/completions", CHAT + "}", "x-stub-fault", "connection_reset"))
        .isInstanceOf(IOException.class);
    assertThat(stub.requests()).hasSize(5);
  }

  @Test
  void streamBreakClosesMidStream() {
    assertThatThrownBy(() ->
            post("/chat/completions", CHAT + ",\"stream\":true}", "x-stub-fault", "stream_break"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void recordsRequestsWithHeaders() throws Exception {
    post("/chat/completions", CHAT + ",\"temperature\":0.5}", "x-custom", "yes");

    RecordedRequest request = stub.requests().getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.header("X-Custom")).contains("yes");
    assertThat(request.json().get("temperature").asDouble()).isEqualTo(0.5);
  }

  @Test
  void requiresItsKeyWhenGivenOne() throws Exception {
    try (StubLlm guarded = StubLlm.start(StubOptions.defaults().withApiKey("sk-1"))) {
      HttpResponse<String> denied = send(guarded.baseUrl(), "/chat/completions", CHAT + "}");
      assertError(denied, 401, "invalid_request_error");
      HttpResponse<String> allowed =
          send(guarded.baseUrl(), "/chat/completions", CHAT + "}", "Authorization", "Bearer sk-1");
      assertThat(allowed.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void closeEndsHangsAndFreesThePort() throws Exception {
    StubLlm hanging = StubLlm.start();
    URI base = hanging.baseUrl();
    assertThat(hanging.port()).isPositive();
    hanging.faults().always(Fault.HANG);
    Thread caller =
        Thread.startVirtualThread(() -> {
          try {
            send(base, "/chat/completions", CHAT + "}");
          } catch (IOException | InterruptedException e) {
            // the stub drops the connection when it stops
          }
        });
    while (hanging.requests().isEmpty()) {
      Thread.sleep(10);
    }
    long start = System.nanoTime();

    hanging.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(caller.join(Duration.ofSeconds(10))).isTrue();
    assertThatThrownBy(() -> send(base, "/chat/completions", CHAT + "}"))
        .isInstanceOf(IOException.class);
  }

  private static void assertError(HttpResponse<String> response, int status, String type)
      throws IOException {
    assertThat(response.statusCode()).isEqualTo(status);
    JsonNode error = Json.mapper().readTree(response.body()).get("error");
    assertThat(error.get("type").asText()).isEqualTo(type);
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(error.has("param")).isTrue();
    assertThat(error.has("code")).isTrue();
  }

  private static URI uri(String path) {
    return URI.create(stub.baseUrl() + path);
  }

  private static HttpResponse<String> post(String path, String body, String... headers)
      throws IOException, InterruptedException {
    return send(stub.baseUrl(), path, body, headers);
  }

  private static HttpResponse<String> send(URI base, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }
}
