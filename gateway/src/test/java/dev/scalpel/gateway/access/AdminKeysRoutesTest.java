package dev.scalpel.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.gateway.http.ApiException;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /admin/keys} over real HTTP on loopback, on a Javalin app that answers {@link
 * ApiException}s in OpenAI's shape as the gateway does. A second key store on the same file stands
 * for the gateway's request path.
 */
@Timeout(60)
class AdminKeysRoutesTest {
  private static final String ROOT = "sk-root-secret";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private KeyStore adminStore;
  private KeyStore requestPath;
  private Access access;
  private Javalin app;

  @BeforeEach
  void start() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    adminStore = AccessFiles.keyStore(dir, clock);
    requestPath = AccessFiles.keyStore(dir, clock);
    List<StaticKey> configured =
        List.of(new StaticKey("root", ROOT, Scope.ADMIN, Budget.UNLIMITED, RateLimits.NONE));
    Access adminAccess = Access.create(adminStore, configured);
    access = Access.create(requestPath, configured);
    app =
        Javalin.create(c -> {
          c.concurrency.useVirtualThreads = true;
          c.startup.showJavalinBanner = false;
          AdminKeysRoutes.register(c.routes, adminAccess, adminStore);
          c.routes.exception(ApiException.class, AdminKeysRoutesTest::openAiError);
        });
    app.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
    adminStore.close();
    requestPath.close();
  }

  private static void openAiError(ApiException e, io.javalin.http.Context ctx) {
    ObjectNode error = Json.mapper().createObjectNode();
    error.put("message", e.getMessage()).put("type", e.type()).put("code", e.code());
    error.put("param", e.param().isEmpty() ? null : e.param());
    ctx.status(e.status()).contentType("application/json");
    ctx.result(Json.mapper().createObjectNode().set("error", error).toString());
  }

  private HttpResponse<String> send(String method, String path, String key, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  private static JsonNode error(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json(response).get("error");
  }

  @Test
  void anAdminCreatesListsAndRevokesAKeyThatCountsAtOnce() throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/admin/keys",
            ROOT,
            "{\"name\": \"ci\", \"budget_usd\": 5, \"period\": \"day\", \"rpm\": 60}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    ObjectNode key = (ObjectNode) json(created);
    String secret = key.get("key").asText();
    assertThat(secret).matches("sk-scalpel-[0-9A-Za-z]{40}");
    assertThat(key.get("id").asText()).matches("key_[0-9A-Za-z]{16}");
    ObjectNode described = key.deepCopy();
    described.remove(List.of("key", "id"));
    assertThat(described)
        .isEqualTo(
            Json.mapper()
                .readTree(
                    """
                    {"object": "api_key", "name": "ci", "scope": "inference",
                     "prefix": "%s", "created": 1795435200, "budget_usd": 5.0, "period": "day",
                     "rpm": 60, "tpm": null}
                    """
                        .formatted(secret.substring(0, 15))));
    assertThat(access.authenticate("Bearer " + secret, Scope.INFERENCE))
        .isInstanceOf(Authentication.Granted.class);

    HttpResponse<String> listed = send("GET", "/admin/keys", ROOT, null);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).doesNotContain(secret);
    JsonNode list = json(listed);
    assertThat(list.get("object").asText()).isEqualTo("list");
    assertThat(list.get("data")).hasSize(1);
    assertThat(list.get("data").get(0)).isEqualTo(key.deepCopy().without("key"));

    HttpResponse<String> revoked = send("DELETE", "/admin/keys/ci", ROOT, null);
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThat(json(revoked).get("revoked").asBoolean()).isTrue();
    assertThat(json(revoked).get("id")).isEqualTo(key.get("id"));

    Authentication after = access.authenticate("Bearer " + secret, Scope.INFERENCE);
    assertThat(((Authentication.Denied) after).refusal().status()).isEqualTo(401);
    assertThat(json(send("GET", "/admin/keys", ROOT, null)).get("data")).isEmpty();
    assertThat(adminStore.audit())
        .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("key:root", AuditEntry.CREATE, "ci"),
            org.assertj.core.groups.Tuple.tuple("key:root", AuditEntry.REVOKE, "ci"));
  }

  @Test
  void withoutAKeyItIs401AndWithAnInferenceKey403() throws Exception {
    String inference =
        json(send("POST", "/admin/keys", ROOT, "{\"name\": \"app\"}")).get("key").asText();

    JsonNode missing = error(send("GET", "/admin/keys", null, null), 401);
    assertThat(missing.get("type").asText()).isEqualTo("authentication_error");
    assertThat(missing.get("code").asText()).isEqualTo("invalid_api_key");
    assertThat(
            error(send("GET", "/admin/keys", "sk-scalpel-wrong", null), 401).get("code").asText())
        .isEqualTo("invalid_api_key");

    JsonNode forbidden = error(send("POST", "/admin/keys", inference, "{\"name\": \"x\"}"), 403);
    assertThat(forbidden.get("type").asText()).isEqualTo("permission_error");
    assertThat(forbidden.get("code").asText()).isEqualTo("insufficient_scope");
    error(send("DELETE", "/admin/keys/app", inference, null), 403);
    assertThat(requestPath.list()).extracting(KeyInfo::name).containsExactly("app");
  }

  @Test
  void anAdminKeyCanMintAnotherAdminKey() throws Exception {
    String ops =
        json(send("POST", "/admin/keys", ROOT, "{\"name\": \"ops\", \"scope\": \"admin\"}"))
            .get("key")
            .asText();

    HttpResponse<String> listed = send("GET", "/admin/keys", ops, null);

    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(json(listed).get("data").get(0).get("scope").asText()).isEqualTo("admin");
  }

  @Test
  void badRequestsNameTheField() throws Exception {
    record Case(String body, int status, String param, String message) {}
    List<Case> cases =
        List.of(
            new Case("not json", 400, null, null),
            new Case("[1]", 400, null, null),
            new Case("{}", 400, "name", "you must provide name (a string)"),
            new Case("{\"name\": 3}", 400, "name", "expected a string, found 3"),
            new Case("{\"name\": \"a b\"}", 400, "name", null),
            new Case("{\"name\": \"x\", \"colour\": 1}", 400, "colour", null),
            new Case(
                "{\"name\": \"x\", \"scope\": \"root\"}",
                400,
                "scope",
                "unknown scope 'root' (expected inference or admin)"),
            new Case(
                "{\"name\": \"x\", \"period\": \"day\"}",
                400,
                "budget_usd",
                "period goes with budget_usd; add budget_usd"),
            new Case(
                "{\"name\": \"x\", \"budget_usd\": 1}",
                400,
                "period",
                "budget_usd needs a period: day, month or total"),
            new Case(
                "{\"name\": \"x\", \"budget_usd\": 1, \"period\": \"week\"}",
                400,
                "period",
                "unknown budget period 'week' (expected day, month or total)"),
            new Case(
                "{\"name\": \"x\", \"budget_usd\": -1, \"period\": \"day\"}",
                400,
                "budget_usd",
                null),
            new Case("{\"name\": \"x\", \"rpm\": 0}", 400, "rpm", null),
            new Case("{\"name\": \"x\", \"tpm\": 1.5}", 400, "tpm", null),
            new Case("{\"name\": \"x\", \"tpm\": \"9\"}", 400, "tpm", null));
    for (Case c : cases) {
      JsonNode error = error(send("POST", "/admin/keys", ROOT, c.body()), c.status());
      assertThat(error.get("type").asText()).as(c.body()).isEqualTo("invalid_request_error");
      if (c.param() != null) {
        assertThat(error.get("param").asText()).as(c.body()).isEqualTo(c.param());
      }
      if (c.message() != null) {
        assertThat(error.get("message").asText()).as(c.body()).isEqualTo(c.message());
      }
    }
    assertThat(requestPath.list()).isEmpty();
  }

  @Test
  void aTakenNameIs409AndAnUnknownKey404() throws Exception {
    send("POST", "/admin/keys", ROOT, "{\"name\": \"web\"}");

    JsonNode taken = error(send("POST", "/admin/keys", ROOT, "{\"name\": \"web\"}"), 409);
    assertThat(taken.get("code").asText()).isEqualTo("key_name_taken");
    assertThat(taken.get("message").asText())
        .isEqualTo("an active key is already named 'web'; revoke it first or choose another name");

    JsonNode unknown = error(send("DELETE", "/admin/keys/nope", ROOT, null), 404);
    assertThat(unknown.get("code").asText()).isEqualTo("key_not_found");
    assertThat(unknown.get("message").asText())
        .isEqualTo("no active key is named 'nope' or has that id");
  }

  @Test
  void aKeyIsRevokedByIdToo() throws Exception {
    String id = json(send("POST", "/admin/keys", ROOT, "{\"name\": \"byid\"}")).get("id").asText();

    assertThat(send("DELETE", "/admin/keys/" + id, ROOT, null).statusCode()).isEqualTo(200);
    assertThat(requestPath.list()).isEmpty();
  }

  @Test
  void anOversizedBodyIs413() throws Exception {
    String body = "{\"name\": \"" + "x".repeat(20_000) + "\"}";

    assertThat(error(send("POST", "/admin/keys", ROOT, body), 413).get("code").asText())
        .isEqualTo("request_too_large");
  }
}
