package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.TokenCounter;
import dev.scalpel.upstream.stub.StubLlm;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-streaming chat completions over plain HTTP against a gateway with the example support
 * specialist and two stub tiers: local answers (OpenAI's shape, usage, route headers), hand-offs,
 * unknown models and keys, each with its request-log row. Escalation and pass-through are in {@link
 * EscalationTest}.
 */
@Timeout(60)
class ChatCompletionsTest {
  private static final TokenCounter TOKENS = TokenCounter.create();

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
  void aConfidentLabelWithATemplateIsAnsweredLocally() {
    ObjectNode request = Bodies.chat("scalpel", "Where is my order?");

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "content-type")).startsWith("application/json");
    assertThat(header(response, "x-scalpel-route")).isEqualTo("local");
    assertThat(header(response, "x-scalpel-specialist")).isEqualTo("intent");
    String id = header(response, "x-scalpel-request-id");
    assertThat(id).matches("req_[0-9a-f]{32}");
    ObjectNode body = json(response.body());
    assertThat(body.path("id").asText()).isEqualTo("chatcmpl-" + id.substring(4));
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("model").asText()).isEqualTo("scalpel");
    assertThat(body.path("created").asLong())
        .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond());
    assertThat(body.path("choices")).hasSize(1);
    JsonNode choice = body.path("choices").get(0);
    assertThat(choice.path("index").asInt()).isZero();
    assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(choice.path("message").path("content").asText())
        .isEqualTo(GatewayYaml.TRACK_ORDER_ANSWER);
    assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
    long prompt = TOKENS.countMessages(request.get("messages"));
    long completion = TOKENS.countText(GatewayYaml.TRACK_ORDER_ANSWER);
    assertThat(body.path("usage").path("prompt_tokens").asLong()).isEqualTo(prompt);
    assertThat(body.path("usage").path("completion_tokens").asLong()).isEqualTo(completion);
    assertThat(body.path("usage").path("total_tokens").asLong()).isEqualTo(prompt + completion);
    assertThat(primary.requests()).isEmpty();
    assertThat(secondary.requests()).isEmpty();

    RequestRecord row = gateway.row(response);
    assertThat(row.id()).isEqualTo(id);
    assertThat(row.route()).isEqualTo(Route.LOCAL);
    assertThat(row.apiKeyId()).isEqualTo(GatewayYaml.KEY_NAME);
    assertThat(row.specialist()).isEqualTo("intent");
    assertThat(row.modelVersion()).matches("intent@[0-9a-f]{12}");
    assertThat(row.label()).isEqualTo("track_order");
    assertThat(row.confidence()).isBetween(0.5, 1.0);
    assertThat(header(response, "x-scalpel-confidence"))
        .isEqualTo(String.format(Locale.ROOT, "%.4f", row.confidence()));
    assertThat(row.upstream()).isEmpty();
    assertThat(row.upstreamModel()).isEmpty();
    assertThat(row.tokensIn()).isEqualTo(prompt);
    assertThat(row.tokensOut()).isEqualTo(completion);
    assertThat(row.costUsd()).isZero();
    assertThat(row.counterfactualCostUsd())
        .isCloseTo((prompt * 2.50 + completion * 10.00) / 1e6, within(1e-9));
    assertThat(row.status()).isEqualTo(200);
    assertThat(row.error()).isEmpty();
    assertThat(row.requestText()).isEqualTo("Where is my order?");
  }

  @Test
  void aTemplateGetsTheUserWordsAndTheLabel() {
    HttpResponse<String> response =
        gateway.chat(Bodies.chat("scalpel", "What are your opening hours?"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("local");
    assertThat(content(response))
        .isEqualTo("You asked \"What are your opening hours?\" (store_hours): we open at 9:00.");
  }

  @Test
  void aConfiguredAliasRoutesLikeScalpel() {
    HttpResponse<String> response = gateway.chat(Bodies.chat("support-bot", "Where is my order?"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("local");
    assertThat(json(response.body()).path("model").asText()).isEqualTo("support-bot");
    assertThat(content(response)).isEqualTo(GatewayYaml.TRACK_ORDER_ANSWER);
  }

  @Test
  void aHandoffLabelGetsTheHandoffReplyAndNoUpstreamCall() {
    ObjectNode request = Bodies.chat("scalpel", "I want to speak to a human");

    HttpResponse<String> response = gateway.chat(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("handoff");
    assertThat(header(response, "x-scalpel-specialist")).isEqualTo("intent");
    ObjectNode body = json(response.body());
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(content(response)).isEqualTo(GatewayYaml.HANDOFF_REPLY);
    assertThat(primary.requests()).isEmpty();
    assertThat(secondary.requests()).isEmpty();
    RequestRecord row = gateway.row(response);
    assertThat(row.route()).isEqualTo(Route.HANDOFF);
    assertThat(row.label()).isEqualTo("speak_to_human");
    assertThat(row.upstream()).isEmpty();
    assertThat(row.costUsd()).isZero();
    assertThat(row.tokensIn()).isEqualTo(TOKENS.countMessages(request.get("messages")));
    assertThat(row.tokensOut()).isEqualTo(TOKENS.countText(GatewayYaml.HANDOFF_REPLY));
    assertThat(row.status()).isEqualTo(200);
  }

  @Test
  void anUnknownModelIs404ModelNotFound() {
    HttpResponse<String> response = gateway.chat(Bodies.chat("gpt-5-ultra", "Where is my order?"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(header(response, "content-type")).startsWith("application/json");
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("message").asText())
        .startsWith("The model 'gpt-5-ultra' does not exist here.");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("param").asText()).isEqualTo("model");
    assertThat(error.path("code").asText()).isEqualTo("model_not_found");
    assertThat(primary.requests()).isEmpty();
    RequestRecord row = gateway.row(response);
    assertThat(row.route()).isEqualTo(Route.REJECTED);
    assertThat(row.status()).isEqualTo(404);
    assertThat(row.error()).startsWith("The model 'gpt-5-ultra' does not exist here.");
  }

  @Test
  void aMissingApiKeyIs401() {
    HttpResponse<String> response =
        gateway.send(
            HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .timeout(RunningGateway.TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Bodies.chat("scalpel", "Where is my order?").toString()))
                .build());

    assertUnauthorized(
        response,
        "You didn't provide an API key. Send it in the Authorization header: Bearer YOUR_KEY.");
  }

  @Test
  void anUnknownApiKeyIs401() {
    HttpResponse<String> response =
        gateway.send(
            HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .timeout(RunningGateway.TIMEOUT)
                .header("Authorization", "Bearer sk-not-a-key-of-ours")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Bodies.chat("scalpel", "Where is my order?").toString()))
                .build());

    assertUnauthorized(
        response, "Incorrect API key provided. Check the key, or ask the operator for one.");
  }

  private static void assertUnauthorized(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("message").asText()).isEqualTo(message);
    assertThat(error.path("type").asText()).isEqualTo("authentication_error");
    assertThat(error.path("code").asText()).isEqualTo("invalid_api_key");
    assertThat(error.path("param").isNull()).isTrue();
    assertThat(primary.requests()).isEmpty();
    RequestRecord row = gateway.row(response);
    assertThat(row.route()).isEqualTo(Route.REJECTED);
    assertThat(row.status()).isEqualTo(401);
    assertThat(row.apiKeyId()).isEmpty();
    assertThat(row.error()).isEqualTo(message);
  }

  static String content(HttpResponse<String> response) {
    return json(response.body()).path("choices").get(0).path("message").path("content").asText();
  }
}
