package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.upstream.stub.StubLlm;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoints around chat completions: {@code GET /v1/models}, {@code POST /v1/classify}, {@code
 * GET /health}, {@code GET /metrics}, {@code POST /v1/embeddings} and unknown paths.
 */
@Timeout(60)
class OperationsEndpointsTest {
  @TempDir static Path dir;
  private static StubLlm stub;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    stub = StubLlm.start();
    gateway =
        RunningGateway.start(
            GatewayYaml.create()
                .aliases("scalpel", "support-bot")
                .tier("primary", stub.baseUrl(), "gpt-4o", "10s", 1)
                .tier("small", stub.baseUrl(), "gpt-4o-mini", "10s", 1)
                .write(dir));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    stub.close();
  }

  @Test
  void modelsListsTheAliasesThenTheUpstreamModels() {
    HttpResponse<String> response = gateway.get("/v1/models");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body()))
        .isEqualTo(
            json(
                """
                {"object": "list", "data": [
                  {"id": "scalpel", "object": "model", "created": 0, "owned_by": "scalpel"},
                  {"id": "support-bot", "object": "model", "created": 0, "owned_by": "scalpel"},
                  {"id": "gpt-4o", "object": "model", "created": 0, "owned_by": "upstream"},
                  {"id": "gpt-4o-mini", "object": "model", "created": 0, "owned_by": "upstream"}
                ]}
                """));
  }

  @Test
  void modelsNeedsAKey() {
    HttpResponse<String> response =
        gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/models")).GET().build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response.body()).path("error").path("type").asText())
        .isEqualTo("authentication_error");
  }

  @Test
  void classifyReturnsTheSpecialistsVerdicts() {
    HttpResponse<String> response =
        gateway.post("/v1/classify", "{\"text\": \"Where is my order?\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    ObjectNode body = json(response.body());
    assertThat(body.path("text").asText()).isEqualTo("Where is my order?");
    assertThat(body.path("specialists").size()).isEqualTo(1);
    JsonNode intent = body.path("specialists").path("intent");
    assertThat(intent.path("label").asText()).isEqualTo("track_order");
    assertThat(intent.path("decision").asText()).isEqualTo("answer");
    assertThat(intent.path("confidence").asDouble()).isBetween(0.5, 1.0);
    assertThat(intent.path("top").get(0).path("label").asText()).isEqualTo("track_order");
    assertThat(intent.path("explanation").isArray()).isTrue();
  }

  @Test
  void classifySaysWhenATextIsOutOfScope() {
    HttpResponse<String> response =
        gateway.post("/v1/classify", "{\"text\": \"Tell me a joke about penguins\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode intent = json(response.body()).path("specialists").path("intent");
    assertThat(intent.path("decision").asText()).isEqualTo("oos");
  }

  @Test
  void classifyRejectsABodyWithoutText() {
    HttpResponse<String> response = gateway.post("/v1/classify", "{\"input\": \"hello\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("param").asText()).isEqualTo("text");
    assertThat(error.path("message").asText())
        .isEqualTo("expected {\"text\": \"...\"} with a non-empty string");
  }

  @Test
  void classifyRejectsMalformedJson() {
    HttpResponse<String> response = gateway.post("/v1/classify", "{\"text\": ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).path("error").path("message").asText())
        .startsWith("the request body is not valid JSON: ");
  }

  @Test
  void classifyNeedsAKey() {
    HttpResponse<String> response =
        gateway.send(
            HttpRequest.newBuilder(gateway.uri("/v1/classify"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hi\"}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void healthSaysLiveAndReadyWithoutAKey() {
    HttpResponse<String> response =
        gateway.send(HttpRequest.newBuilder(gateway.uri("/health")).GET().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body())).isEqualTo(json("{\"status\": \"ok\", \"ready\": true}"));
  }

  @Test
  void metricsCountRequestsByRouteAndStatus() {
    String local = "scalpel_requests_total{route=\"local\",status=\"200\"}";
    String escalated = "scalpel_requests_total{route=\"escalated\",status=\"200\"}";
    String handoff = "scalpel_requests_total{route=\"handoff\",status=\"200\"}";
    String rejected = "scalpel_requests_total{route=\"rejected\",status=\"404\"}";
    String before = metrics();

    for (int i = 0; i < 3; i++) {
      assertThat(gateway.chat(Bodies.chat("scalpel", "Where is my order?")).statusCode())
          .isEqualTo(200);
    }
    assertThat(gateway.chat(Bodies.chat("scalpel", "I want to cancel my order")).statusCode())
        .isEqualTo(200);
    assertThat(gateway.chat(Bodies.chat("scalpel", "I want to speak to a human")).statusCode())
        .isEqualTo(200);
    assertThat(gateway.chat(Bodies.chat("no-such-model", "hi")).statusCode()).isEqualTo(404);

    String after = metrics();
    assertThat(value(after, local) - value(before, local)).isEqualTo(3);
    assertThat(value(after, escalated) - value(before, escalated)).isEqualTo(1);
    assertThat(value(after, handoff) - value(before, handoff)).isEqualTo(1);
    assertThat(value(after, rejected) - value(before, rejected)).isEqualTo(1);
    assertThat(after).contains("# TYPE scalpel_requests_total counter");
    assertThat(after).contains("scalpel_request_latency_seconds_bucket{route=\"local\",le=");
    assertThat(after).contains("scalpel_request_latency_seconds_count{route=\"escalated\"}");
    assertThat(after).contains("scalpel_cost_usd_total{route=\"escalated\"}");
    assertThat(after).contains("scalpel_savings_usd_total");
    assertThat(after).contains("scalpel_tokens_count{direction=\"in\"}");
  }

  @Test
  void anUnknownPathIs404InOpenAisShape() {
    HttpResponse<String> response = gateway.get("/v1/nothing-here");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("message").asText()).isEqualTo("no such endpoint: /v1/nothing-here");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("code").asText()).isEqualTo("not_found");
  }

  @Test
  void embeddingsPassThroughToTheTierServingTheModel() {
    stub.clearRequests();

    HttpResponse<String> response =
        gateway.post(
            "/v1/embeddings", "{\"model\": \"gpt-4o\", \"input\": \"Where is my order?\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("passthrough");
    ObjectNode body = json(response.body());
    assertThat(body.path("object").asText()).isEqualTo("list");
    assertThat(body.path("data").get(0).path("embedding")).hasSize(8);
    assertThat(stub.requests()).hasSize(1);
    assertThat(stub.requests().getFirst().path()).isEqualTo("/v1/embeddings");
    assertThat(gateway.row(response).status()).isEqualTo(200);
  }

  private static String metrics() {
    HttpResponse<String> response =
        gateway.send(HttpRequest.newBuilder(gateway.uri("/metrics")).GET().build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "content-type")).startsWith("text/plain");
    return response.body();
  }

  /** The value of one series of a Prometheus scrape, 0 when it is not there yet. */
  private static double value(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
        .findFirst()
        .orElse(0);
  }
}
