package dev.scalpel.gateway;

import static dev.scalpel.gateway.ChatCompletionsTest.content;
import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.stub.RecordedRequest;
import dev.scalpel.upstream.stub.StubLlm;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escalation and pass-through over plain HTTP against a gateway with the example support specialist
 * and two stub tiers: the upstream gets the client's body with only the model replaced (and a
 * configured system prompt first), named tiers, out-of-scope texts, upstream model names, and
 * requests with tools, images or tool results, which are never answered locally.
 */
@Timeout(60)
class EscalationTest {
  @TempDir static Path dir;
  private static StubLlm primary;
  private static StubLlm secondary;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    primary = StubLlm.start();
    secondary = StubLlm.start();
    gateway =
        RunningGateway.start(
            GatewayYaml.create()
                .aliases("scalpel", "support-bot")
                .tier("primary", primary.baseUrl(), "gpt-4o", "10s", 1)
                .tier("secondary", secondary.baseUrl(), "gpt-4o-mini", "10s", 1, 0.15, 0.60)
                .fallback("primary", "secondary")
                .chargingTier("secondary")
                .write(dir));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    primary.close();
    secondary.close();
  }

  @BeforeEach
  void resetStubs() {
    for (StubLlm stub : List.of(primary, secondary)) {
      stub.faults().clear();
      stub.clearRequests();
    }
  }

  @Test
  void anEscalationPassesEveryParameterThroughWithOnlyTheModelReplaced() {
    ObjectNode request = Bodies.chat("scalpel", "I want to cancel my order");
    request.put("temperature", 0.3);
    request.put("top_p", 0.9);
    request.put("seed", 42);
    request.putObject("logit_bias").put("50256", -100);
    request.putObject("metadata").put("ticket", "T-1001").put("channel", "web");
    request.put("user", "customer-7");
    request.putArray("stop").add("END");
    request.putObject("response_format").put("type", "text");
    request.put("x_vendor_extension", true);

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("escalated");
    assertThat(header(response, "x-scalpel-specialist")).isEqualTo("intent");
    assertThat(primary.requests()).hasSize(1);
    assertThat(secondary.requests()).isEmpty();
    RecordedRequest received = primary.requests().getFirst();
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.path()).isEqualTo("/v1/chat/completions");
    ObjectNode expected = request.deepCopy();
    expected.put("model", "gpt-4o");
    assertThat(received.json()).isEqualTo(expected);

    ObjectNode body = json(response.body());
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
    assertThat(body.path("id").asText()).startsWith("chatcmpl-stub-");
    assertThat(content(response)).isEqualTo("Stub answer to: I want to cancel my order");
    long in = body.path("usage").path("prompt_tokens").asLong();
    long out = body.path("usage").path("completion_tokens").asLong();
    assertThat(in).isPositive();
    assertThat(out).isPositive();

    RequestRecord row = gateway.row(response);
    assertThat(row.route()).isEqualTo(Route.ESCALATED);
    assertThat(row.specialist()).isEqualTo("intent");
    assertThat(row.label()).isEqualTo("cancel_order");
    assertThat(header(response, "x-scalpel-confidence"))
        .isEqualTo(String.format(Locale.ROOT, "%.4f", row.confidence()));
    assertThat(row.upstream()).isEqualTo("primary");
    assertThat(row.upstreamModel()).isEqualTo("gpt-4o");
    assertThat(row.tokensIn()).isEqualTo(in);
    assertThat(row.tokensOut()).isEqualTo(out);
    assertThat(row.costUsd()).isCloseTo((in * 2.50 + out * 10.00) / 1e6, within(1e-9));
    assertThat(row.counterfactualCostUsd()).isCloseTo(row.costUsd(), within(1e-9));
    assertThat(row.status()).isEqualTo(200);
    assertThat(row.error()).isEmpty();
  }

  @Test
  void aLabelWithASystemPromptEscalatesWithThePromptFirst() {
    ObjectNode request = Bodies.chat("scalpel", "How far can I ride on one battery charge?");
    request.put("temperature", 0);

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("escalated");
    ObjectNode expected = request.deepCopy();
    expected.put("model", "gpt-4o");
    ((ArrayNode) expected.get("messages"))
        .insertObject(0)
        .put("role", "system")
        .put("content", GatewayYaml.BATTERY_PROMPT);
    assertThat(primary.requests()).hasSize(1);
    assertThat(primary.requests().getFirst().json()).isEqualTo(expected);
    assertThat(gateway.row(response).label()).isEqualTo("battery_range");
  }

  @Test
  void aLabelWithANamedTierGoesToThatTierFirst() {
    HttpResponse<String> response = gateway.chat(Bodies.chat("scalpel", "My battery won't charge"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("escalated");
    assertThat(primary.requests()).isEmpty();
    assertThat(secondary.requests()).hasSize(1);
    JsonNode received = secondary.requests().getFirst().json();
    assertThat(received.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(received.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(received.path("messages").get(0).path("content").asText())
        .isEqualTo(GatewayYaml.CHARGING_PROMPT);
    ObjectNode body = json(response.body());
    long in = body.path("usage").path("prompt_tokens").asLong();
    long out = body.path("usage").path("completion_tokens").asLong();

    RequestRecord row = gateway.row(response);
    assertThat(row.label()).isEqualTo("charging_problem");
    assertThat(row.upstream()).isEqualTo("secondary");
    assertThat(row.upstreamModel()).isEqualTo("gpt-4o-mini");
    assertThat(row.costUsd()).isCloseTo((in * 0.15 + out * 0.60) / 1e6, within(1e-9));
    assertThat(row.counterfactualCostUsd())
        .isCloseTo((in * 2.50 + out * 10.00) / 1e6, within(1e-9));
  }

  @Test
  void anOutOfScopeRequestEscalates() {
    HttpResponse<String> response =
        gateway.chat(Bodies.chat("scalpel", "Tell me a joke about penguins"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("escalated");
    assertThat(content(response)).isEqualTo("Stub answer to: Tell me a joke about penguins");
    assertThat(primary.requests()).hasSize(1);
    RequestRecord row = gateway.row(response);
    assertThat(row.route()).isEqualTo(Route.ESCALATED);
    assertThat(row.label()).isEqualTo("oos");
    assertThat(row.upstream()).isEqualTo("primary");
  }

  @Test
  void anUpstreamModelNamePassesThroughWithoutASpecialist() {
    ObjectNode request = Bodies.chat("gpt-4o", "Where is my order?");
    request.put("temperature", 1.2);

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("passthrough");
    assertThat(response.headers().firstValue("x-scalpel-specialist")).isEmpty();
    assertThat(response.headers().firstValue("x-scalpel-confidence")).isEmpty();
    assertThat(response.headers().firstValue("x-scalpel-request-id")).isPresent();
    assertThat(primary.requests()).hasSize(1);
    assertThat(primary.requests().getFirst().json()).isEqualTo(request);
    assertThat(content(response)).isEqualTo("Stub answer to: Where is my order?");
    RequestRecord row = gateway.row(response);
    assertThat(row.route()).isEqualTo(Route.PASSTHROUGH);
    assertThat(row.specialist()).isEmpty();
    assertThat(row.label()).isEmpty();
    assertThat(row.confidence()).isNull();
    assertThat(row.upstream()).isEqualTo("primary");
    assertThat(row.upstreamModel()).isEqualTo("gpt-4o");
    assertThat(row.status()).isEqualTo(200);
  }

  @Test
  void passThroughGoesToTheTierServingThatModel() {
    HttpResponse<String> response = gateway.chat(Bodies.chat("gpt-4o-mini", "Hello there"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("passthrough");
    assertThat(primary.requests()).isEmpty();
    assertThat(secondary.requests()).hasSize(1);
    assertThat(gateway.row(response).upstream()).isEqualTo("secondary");
  }

  @Test
  void aRequestWithToolsIsNeverAnsweredLocally() {
    ObjectNode request = Bodies.chat("scalpel", "Where is my order?");
    ObjectNode function =
        request.putArray("tools").addObject().put("type", "function").putObject("function");
    function.put("name", "lookup_order");
    function.putObject("parameters").put("type", "object").putObject("properties");
    request.put("tool_choice", "auto");

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("escalated");
    ObjectNode expected = request.deepCopy();
    expected.put("model", "gpt-4o");
    assertThat(primary.requests()).hasSize(1);
    assertThat(primary.requests().getFirst().json()).isEqualTo(expected);
    assertThat(gateway.row(response).route()).isEqualTo(Route.ESCALATED);
  }

  @Test
  void aRequestWithAnImagePartIsNeverAnsweredLocally() {
    ObjectNode request = Bodies.chat("scalpel", "unused");
    ArrayNode parts = ((ObjectNode) request.get("messages").get(0)).putArray("content");
    parts.addObject().put("type", "text").put("text", "Where is my order?");
    parts
        .addObject()
        .put("type", "image_url")
        .putObject("image_url")
        .put("url", "https://example.com/parcel.png");

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("escalated");
    ObjectNode expected = request.deepCopy();
    expected.put("model", "gpt-4o");
    assertThat(primary.requests()).hasSize(1);
    assertThat(primary.requests().getFirst().json()).isEqualTo(expected);
  }

  @Test
  void aConversationWithAToolResultIsNeverAnsweredLocally() {
    ObjectNode request = Bodies.chat("scalpel", "Where is my order?");
    ArrayNode messages = (ArrayNode) request.get("messages");
    ObjectNode call =
        messages
            .addObject()
            .put("role", "assistant")
            .putNull("content")
            .putArray("tool_calls")
            .addObject()
            .put("id", "call_1")
            .put("type", "function");
    call.putObject("function").put("name", "lookup_order").put("arguments", "{}");
    messages
        .addObject()
        .put("role", "tool")
        .put("tool_call_id", "call_1")
        .put("content", "{\"status\":\"shipped\"}");

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("escalated");
    assertThat(primary.requests()).hasSize(1);
    ObjectNode expected = request.deepCopy();
    expected.put("model", "gpt-4o");
    assertThat(primary.requests().getFirst().json()).isEqualTo(expected);
  }
}
