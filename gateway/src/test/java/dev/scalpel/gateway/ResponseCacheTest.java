package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.gateway.access.Budget;
import dev.scalpel.gateway.access.KeyCreation;
import dev.scalpel.gateway.access.KeyRequest;
import dev.scalpel.gateway.access.KeyStore;
import dev.scalpel.gateway.access.RateLimits;
import dev.scalpel.gateway.access.Scope;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.stub.StubLlm;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The response cache: a repeated deterministic escalation is answered from the cache at no cost
 * (accounted as savings); other temperatures, streams and different requests are not; an admin
 * empties it.
 */
@Timeout(60)
class ResponseCacheTest {
  @TempDir static Path dir;
  private static StubLlm stub;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    stub = StubLlm.start();
    gateway =
        RunningGateway.start(
            GatewayYaml.create().tier("large", stub.baseUrl(), "gpt-4o", "10s", 0).write(dir));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    stub.close();
  }

  @BeforeEach
  void clear() {
    gateway.send(
        gateway
            .request("/admin/cache")
            .setHeader("Authorization", "Bearer " + adminKey())
            .DELETE()
            .build());
    stub.clearRequests();
  }

  private static ObjectNode joke(String about, double temperature) {
    return Bodies.chat("scalpel", "Tell me a joke about " + about).put("temperature", temperature);
  }

  @Test
  void aRepeatedDeterministicEscalationIsAnsweredFromTheCache() {
    HttpResponse<String> first = gateway.chat(joke("penguins", 0));
    HttpResponse<String> second = gateway.chat(joke("penguins", 0).put("user", "someone-else"));

    assertThat(stub.requests()).hasSize(1);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(header(second, "x-scalpel-cache")).isEqualTo("hit");
    assertThat(ChatCompletionsTest.content(second)).isEqualTo(ChatCompletionsTest.content(first));
    RequestRecord row = gateway.row(second);
    assertThat(row.costUsd()).isZero();
    assertThat(row.counterfactualCostUsd()).isEqualTo(gateway.row(first).costUsd());
    assertThat(row.upstream()).isEqualTo("large");
    assertThat(row.reason()).endsWith("cache hit");
  }

  @Test
  void otherTemperaturesStreamsAndOtherRequestsGoUpstream() {
    gateway.chat(joke("owls", 0.7));
    gateway.chat(joke("owls", 0.7));
    gateway.chat(joke("cats", 0));
    gateway.chat(joke("dogs", 0));
    gateway.chat(joke("cats", 0).put("stream", true));

    assertThat(stub.requests()).hasSize(5);
  }

  @Test
  void anAdminEmptiesTheCache() {
    gateway.chat(joke("geese", 0));

    HttpResponse<String> cleared =
        gateway.send(
            gateway
                .request("/admin/cache")
                .setHeader("Authorization", "Bearer " + adminKey())
                .DELETE()
                .build());
    gateway.chat(joke("geese", 0));

    assertThat(cleared.statusCode()).isEqualTo(200);
    assertThat(json(cleared.body()).path("cleared").asInt()).isEqualTo(1);
    assertThat(stub.requests()).hasSize(2);
    assertThat(gateway.send(gateway.request("/admin/cache").DELETE().build()).statusCode())
        .as("an inference key may not empty the cache")
        .isEqualTo(403);
  }

  private static String admin;

  private static synchronized String adminKey() {
    if (admin == null) {
      KeyCreation created =
          KeyStore.open(gateway.log())
              .create(
                  new KeyRequest("ops", Scope.ADMIN, Budget.UNLIMITED, RateLimits.NONE), "test");
      admin = ((KeyCreation.Created) created).key().secret();
    }
    return admin;
  }
}
