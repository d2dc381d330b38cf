package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.Handoff;
import dev.scalpel.gateway.accounting.HandoffException;
import dev.scalpel.gateway.accounting.HandoffQueue;
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
 * configured reply and queued for a person; local answers stay local; upstream model names do not
 * exist.
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
  void aHandoffIsQueuedWithItsConversationUntilResolved() throws Exception {
    ObjectNode request = Bodies.chat("scalpel", "I want to cancel my order");
    request
        .withArray("messages")
        .insertObject(0)
        .put("role", "system")
        .put("content", "You are Northwind's assistant.");
    HttpResponse<String> response = gateway.chat(request);
    String id = header(response, "x-scalpel-request-id");
    HandoffQueue queue = HandoffQueue.open(gateway.dataDir());

    Handoff handoff = queue.find(id).orElseThrow();
    assertThat(handoff.open()).isTrue();
    assertThat(handoff.label()).isEqualTo("cancel_order");
    assertThat(handoff.reason())
        .isEqualTo("no action configured for this label; no generalist configured");
    assertThat(handoff.text()).isEqualTo("I want to cancel my order");
    assertThat(Json.mapper().readTree(handoff.conversation())).isEqualTo(request.get("messages"));
    assertThat(queue.list(false, 1000)).extracting(Handoff::requestId).contains(id);

    Handoff resolved = queue.resolve(id, "dana", "called the customer back");

    assertThat(resolved.open()).isFalse();
    assertThat(resolved.resolvedBy()).isEqualTo("dana");
    assertThat(resolved.note()).isEqualTo("called the customer back");
    assertThat(queue.list(false, 1000)).extracting(Handoff::requestId).doesNotContain(id);
    assertThat(queue.list(true, 1000)).extracting(Handoff::requestId).contains(id);
    assertThatThrownBy(() -> queue.resolve(id, "eve", ""))
        .isInstanceOf(HandoffException.class)
        .hasMessageStartingWith("the hand-off of " + id + " was already resolved by dana at ");
  }

  @Test
  void localAnswersAreNotQueued() {
    HttpResponse<String> response = gateway.chat(Bodies.chat("scalpel", "Where is my order?"));

    assertThat(HandoffQueue.open(gateway.dataDir()).find(header(response, "x-scalpel-request-id")))
        .isEmpty();
    assertThat(gateway.row(response).conversation()).isEmpty();
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
