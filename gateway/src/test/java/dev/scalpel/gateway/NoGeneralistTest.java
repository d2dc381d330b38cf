package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestRecord;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A gateway with a specialist and no upstream tier: what would escalate is handed off with the
 * configured reply; local answers stay local; upstream model names do not exist.
 */
@Timeout(60)
class NoGeneralistTest {
  @TempDir static Path dir;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(GatewayYaml.create().write(dir));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I want to cancel my order", // a label without an action
        "Tell me a joke about penguins", // out of scope
        "How far can I ride on one battery charge?" // a label configured to escalate
      })
  void whatWouldEscalateIsHandedOff(String text) {
    HttpResponse<String> response = gateway.chat(Bodies.chat("scalpel", text));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("handoff");
    assertThat(header(response, "x-scalpel-specialist")).isEqualTo("intent");
    assertThat(ChatCompletionsTest.content(response)).isEqualTo(GatewayYaml.HANDOFF_REPLY);
    RequestRecord row = gateway.row(response);
    assertThat(row.route()).isEqualTo(Route.HANDOFF);
    assertThat(row.status()).isEqualTo(200);
    assertThat(row.upstream()).isEmpty();
    assertThat(row.costUsd()).isZero();
    assertThat(row.counterfactualCostUsd()).isZero();
  }

  @Test
  void aRequestWithToolsIsHandedOff() {
    ObjectNode request = Bodies.chat("scalpel", "Where is my order?");
    request
        .putArray("tools")
        .addObject()
        .put("type", "function")
        .putObject("function")
        .put("name", "lookup_order");

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("handoff");
    assertThat(ChatCompletionsTest.content(response)).isEqualTo(GatewayYaml.HANDOFF_REPLY);
  }

  @Test
  void aStreamedEscalationIsAStreamedHandoff() {
    HttpResponse<String> response =
        gateway.chat(Bodies.streamed("scalpel", "I want to cancel my order", true));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("handoff");
    Sse sse = Sse.parse(response.body());
    assertThat(sse.content()).isEqualTo(GatewayYaml.HANDOFF_REPLY);
    assertThat(sse.data().getLast()).isEqualTo("[DONE]");
    assertThat(sse.chunks().getLast().path("usage").path("completion_tokens").asLong())
        .isPositive();
  }

  @Test
  void localAnswersStayLocal() {
    HttpResponse<String> response = gateway.chat(Bodies.chat("scalpel", "Where is my order?"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("local");
    assertThat(ChatCompletionsTest.content(response)).isEqualTo(GatewayYaml.TRACK_ORDER_ANSWER);
  }

  @Test
  void anUpstreamModelNameIsUnknown() {
    HttpResponse<String> response = gateway.chat(Bodies.chat("gpt-4o", "Where is my order?"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response.body()).path("error").path("code").asText())
        .isEqualTo("model_not_found");
  }

  @Test
  void modelsListsOnlyTheAliases() {
    HttpResponse<String> response = gateway.get("/v1/models");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body()))
        .isEqualTo(
            json(
                "{\"object\": \"list\", \"data\": [{\"id\": \"scalpel\", \"object\": \"model\","
                    + " \"created\": 0, \"owned_by\": \"scalpel\"}]}"));
  }
}
