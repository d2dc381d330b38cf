package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.gateway.access.Budget;
import dev.scalpel.gateway.access.KeyCreation;
import dev.scalpel.gateway.access.KeyRequest;
import dev.scalpel.gateway.access.KeyStore;
import dev.scalpel.gateway.access.RateLimits;
import dev.scalpel.gateway.access.Scope;
import dev.scalpel.gateway.http.ReloadResult;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration reload without a restart: a valid file serves from the next request on, under load
 * and without a failed request; an invalid one is refused with a message naming the problem and the
 * running configuration stays.
 */
@Timeout(120)
class ReloadTest {
  private static final String CHANGED = "Track it at northwind.example/track.";

  @TempDir Path dir;
  private Path file;
  private RunningGateway gateway;
  private String adminKey;

  @BeforeEach
  void start() {
    file = GatewayYaml.create().write(dir);
    gateway = RunningGateway.start(file);
    KeyCreation created =
        KeyStore.open(gateway.log())
            .create(new KeyRequest("ops", Scope.ADMIN, Budget.UNLIMITED, RateLimits.NONE), "test");
    adminKey = ((KeyCreation.Created) created).key().secret();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void aValidFileServesFromTheNextRequestWithoutAFailedRequest() throws Exception {
    ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> load = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      load.add(
          Thread.ofVirtual()
              .start(() -> {
                while (running.get()) {
                  HttpResponse<String> r =
                      gateway.chat(Bodies.chat("scalpel", "Where is my order?"));
                  statuses.add(r.statusCode());
                  answers.add(ChatCompletionsTest.content(r));
                }
              }));
    }
    Thread.sleep(300);
    rewrite(GatewayYaml.TRACK_ORDER_ANSWER, CHANGED);

    HttpResponse<String> reloaded = postReload(adminKey);
    Thread.sleep(300);
    running.set(false);
    for (Thread t : load) {
      t.join();
    }

    assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
    assertThat(json(reloaded.body()).path("reloaded").asBoolean()).isTrue();
    assertThat(statuses).isNotEmpty().containsOnly(200);
    assertThat(answers).containsOnly(GatewayYaml.TRACK_ORDER_ANSWER, CHANGED).contains(CHANGED);
    assertThat(
            ChatCompletionsTest.content(gateway.chat(Bodies.chat("scalpel", "Where is my order?"))))
        .isEqualTo(CHANGED);
  }

  @Test
  void anInvalidFileIsRefusedAndTheRunningConfigurationStays() throws Exception {
    rewrite("routing:", "routing:\n  labelz: {}");

    HttpResponse<String> refused = postReload(adminKey);
    ReloadResult viaSignal = gateway.reload();

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused.body()).path("error").path("code").asText())
        .isEqualTo("invalid_config");
    assertThat(json(refused.body()).path("error").path("message").asText())
        .isEqualTo(
            file
                + ": routing.labelz: unknown key (expected one of [conversations, handoff_reply, labels, rules, specialist])");
    assertThat(viaSignal).isInstanceOf(ReloadResult.Rejected.class);
    assertThat(
            ChatCompletionsTest.content(gateway.chat(Bodies.chat("scalpel", "Where is my order?"))))
        .isEqualTo(GatewayYaml.TRACK_ORDER_ANSWER);
  }

  @Test
  void onlyAnAdminKeyMayReload() {
    HttpResponse<String> r = postReload(GatewayYaml.KEY);

    assertThat(r.statusCode()).isEqualTo(403);
  }

  private void rewrite(String from, String to) throws Exception {
    String yaml = Files.readString(file, UTF_8);
    assertThat(yaml).contains(from);
    Files.writeString(file, yaml.replace(from, to), UTF_8);
  }

  private HttpResponse<String> postReload(String key) {
    return gateway.send(
        gateway
            .request("/admin/reload")
            .setHeader("Authorization", "Bearer " + key)
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
            .build());
  }
}
