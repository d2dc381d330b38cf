package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.gateway.access.Budget;
import dev.scalpel.gateway.access.KeyCreation;
import dev.scalpel.gateway.access.KeyRequest;
import dev.scalpel.gateway.access.KeyStore;
import dev.scalpel.gateway.access.RateLimits;
import dev.scalpel.gateway.access.Scope;
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
 * Keys, scopes, budgets and rate limits through a running gateway: keys made through the admin API
 * work at once and stop at once when revoked; a budget too small for an escalation's reservation
 * refuses it with 429 while local answers go on; a request-rate limit refuses with Retry-After.
 */
@Timeout(60)
class KeysAndBudgetsTest {
  @TempDir static Path dir;
  private static StubLlm stub;
  private static RunningGateway gateway;
  private static String adminKey;

  @BeforeAll
  static void start() {
    stub = StubLlm.start();
    gateway =
        RunningGateway.start(
            GatewayYaml.create().tier("large", stub.baseUrl(), "gpt-4o", "10s", 0).write(dir));
    // The first admin key comes from the command line (here: the same store, as the CLI opens it).
    KeyStore store = KeyStore.open(gateway.log());
    KeyCreation created =
        store.create(new KeyRequest("ops", Scope.ADMIN, Budget.UNLIMITED, RateLimits.NONE), "test");
    adminKey = ((KeyCreation.Created) created).key().secret();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    stub.close();
  }

  @Test
  void aKeyMadeThroughTheAdminApiWorksAtOnceAndStopsWhenRevoked() {
    String key = createKey("{\"name\": \"web-shop\"}");

    assertThat(chat(key, "Where is my order?").statusCode()).isEqualTo(200);
    HttpResponse<String> revoked = send(admin("/admin/keys/web-shop").DELETE().build());
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

    HttpResponse<String> after = chat(key, "Where is my order?");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(json(after.body()).path("error").path("type").asText())
        .isEqualTo("authentication_error");
  }

  @Test
  void anInferenceKeyMayNotManageKeys() {
    String key = createKey("{\"name\": \"reader\"}");

    HttpResponse<String> r =
        send(
            gateway
                .request("/admin/keys")
                .setHeader("Authorization", "Bearer " + key)
                .GET()
                .build());

    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void aBudgetTooSmallForAnEscalationRefusesItButNotALocalAnswer() {
    String key = createKey("{\"name\": \"tight\", \"budget_usd\": 0.01, \"period\": \"day\"}");

    HttpResponse<String> escalated = chat(key, "Tell me a joke about penguins");
    HttpResponse<String> local = chat(key, "Where is my order?");

    assertThat(escalated.statusCode()).isEqualTo(429);
    JsonNode error = json(escalated.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("budget_exceeded");
    assertThat(error.path("message").asText()).contains("'tight'", "resets at");
    assertThat(header(escalated, "retry-after")).isNotEmpty();
    assertThat(gateway.row(escalated).route().wireName()).isEqualTo("rejected");
    assertThat(local.statusCode()).isEqualTo(200);
    assertThat(header(local, "x-scalpel-route")).isEqualTo("local");
  }

  @Test
  void aBudgetedKeysEscalationsAreCappedSoTheReservationBoundsTheirCost() {
    String key = createKey("{\"name\": \"capped\", \"budget_usd\": 1, \"period\": \"month\"}");
    stub.clearRequests();

    HttpResponse<String> r = chat(key, "Tell me a joke about penguins");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(stub.requests().getFirst().json().path("max_tokens").asInt()).isEqualTo(4096);
  }

  @Test
  void aRequestRateLimitRefusesWithRetryAfter() {
    String key = createKey("{\"name\": \"slow\", \"rpm\": 2}");

    assertThat(chat(key, "Where is my order?").statusCode()).isEqualTo(200);
    assertThat(chat(key, "Where is my order?").statusCode()).isEqualTo(200);
    HttpResponse<String> third = chat(key, "Where is my order?");

    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(Integer.parseInt(header(third, "retry-after"))).isBetween(1, 60);
  }

  private static String createKey(String body) {
    HttpResponse<String> r =
        send(
            admin("/admin/keys")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r.body()).path("key").asText();
  }

  private static HttpRequest.Builder admin(String path) {
    return gateway.request(path).setHeader("Authorization", "Bearer " + adminKey);
  }

  private static HttpResponse<String> chat(String key, String text) {
    ObjectNode body = Bodies.chat("scalpel", text);
    return send(
        gateway
            .request("/v1/chat/completions")
            .setHeader("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), UTF_8))
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    return gateway.send(request);
  }
}
