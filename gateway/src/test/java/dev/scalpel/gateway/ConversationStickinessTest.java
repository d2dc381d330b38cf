package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.upstream.stub.StubLlm;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once a conversation has escalated, its follow-ups stay with the tier that answered (and its
 * system prompt) unless the new turn is confidently local. Conversations are identified by the
 * {@code x-scalpel-conversation-id} header, the {@code user} field, or their opening messages.
 */
@Timeout(60)
class ConversationStickinessTest {
  private static final String CHARGING = "my battery won't charge";
  private static final String VAGUE = "and how long does that usually take?";

  @TempDir static Path dir;
  private static StubLlm small;
  private static StubLlm large;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    small = StubLlm.start();
    large = StubLlm.start();
    gateway =
        RunningGateway.start(
            GatewayYaml.create()
                .tier("small", small.baseUrl(), "gpt-4o-mini", "10s", 0)
                .tier("large", large.baseUrl(), "gpt-4o", "10s", 0)
                .fallback("small", "large")
                .chargingTier("large")
                .routing("conversations: {min_confidence: 0.9, ttl: 10m}")
                .write(dir));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    small.close();
    large.close();
  }

  @BeforeEach
  void clear() {
    small.clearRequests();
    large.clearRequests();
  }

  @Test
  void aVagueTurnOnItsOwnGoesToTheDefaultTier() {
    HttpResponse<String> r = gateway.chat(Bodies.chat("scalpel", VAGUE));

    assertThat(header(r, "x-scalpel-route")).isEqualTo("escalated");
    assertThat(small.requests()).hasSize(1);
    assertThat(large.requests()).isEmpty();
  }

  @Test
  void aFollowUpOfAnEscalatedConversationStaysWithItsTierAndSystemPrompt() {
    HttpResponse<String> first = gateway.chat(conversation(CHARGING));
    assertThat(large.requests()).hasSize(1);
    String reply = ChatCompletionsTest.content(first);

    HttpResponse<String> followUp = gateway.chat(conversation(CHARGING, reply, VAGUE));

    assertThat(header(followUp, "x-scalpel-route")).isEqualTo("escalated");
    assertThat(small.requests()).isEmpty();
    assertThat(large.requests()).hasSize(2);
    ArrayNode sent = (ArrayNode) large.requests().get(1).json().get("messages");
    assertThat(sent.get(0).get("role").asText()).isEqualTo("system");
    assertThat(sent.get(0).get("content").asText()).isEqualTo(GatewayYaml.CHARGING_PROMPT);
    assertThat(gateway.row(followUp).reason()).isEqualTo("conversation already escalated");
    assertThat(gateway.row(followUp).upstream()).isEqualTo("large");
  }

  @Test
  void aConfidentlyLocalFollowUpIsAnsweredLocally() {
    String reply = ChatCompletionsTest.content(gateway.chat(conversation(CHARGING)));

    HttpResponse<String> followUp =
        gateway.chat(conversation(CHARGING, reply, "Where is my order?"));

    assertThat(header(followUp, "x-scalpel-route")).isEqualTo("local");
    assertThat(ChatCompletionsTest.content(followUp)).isEqualTo(GatewayYaml.TRACK_ORDER_ANSWER);
  }

  @Test
  void theConversationHeaderNamesAConversationWithoutHistory() {
    gateway.send(withConversationHeader("ticket-81", Bodies.chat("scalpel", CHARGING)));

    HttpResponse<String> next =
        gateway.send(withConversationHeader("ticket-81", Bodies.chat("scalpel", VAGUE)));
    HttpResponse<String> other =
        gateway.send(withConversationHeader("ticket-82", Bodies.chat("scalpel", VAGUE)));

    assertThat(gateway.row(next).upstream()).isEqualTo("large");
    assertThat(gateway.row(other).upstream()).isEqualTo("small");
  }

  @Test
  void theUserFieldNamesAConversation() {
    ObjectNode first = Bodies.chat("scalpel", CHARGING).put("user", "customer-31");
    gateway.chat(first);

    HttpResponse<String> next =
        gateway.chat(Bodies.chat("scalpel", VAGUE).put("user", "customer-31"));

    assertThat(gateway.row(next).upstream()).isEqualTo("large");
  }

  private static ObjectNode conversation(String... turns) {
    ObjectNode body = Json.mapper().createObjectNode().put("model", "scalpel");
    ArrayNode messages = body.putArray("messages");
    for (int i = 0; i < turns.length; i++) {
      messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", turns[i]);
    }
    return body;
  }

  private static HttpRequest withConversationHeader(String id, ObjectNode body) {
    return gateway
        .request("/v1/chat/completions")
        .header("Content-Type", "application/json")
        .header("x-scalpel-conversation-id", id)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }
}
