package dev.scalpel.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.gateway.Gateway;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway whose specialist follows a model registry: promoting another version, and rolling back,
 * swap the serving model under concurrent load without a failed request, and the request log names
 * the registry version that answered.
 */
@Timeout(120)
class ServeFollowsRegistryTest {
  private static final Path MODEL =
      Path.of("..", "examples", "quickstart", "support.scalpel").toAbsolutePath().normalize();
  private static final String KEY = "sk-registry-test";

  @TempDir Path dir;
  private static Path data;

  @Test
  void promotionAndRollbackSwapTheServingModelUnderLoad() throws Exception {
    data = dir.resolve("data");
    for (int i = 0; i < 2; i++) {
      Cli.Result imported =
          Cli.run(
              "models",
              "import",
              "--name",
              "intent",
              MODEL.toString(),
              "--data-dir",
              data.toString());
      assertThat(imported.exitCode()).as(imported.toString()).isZero();
    }
    Path yaml = dir.resolve("scalpel.yaml");
    Files.writeString(
        yaml,
        String.join(
            "\n",
            "server: {host: 127.0.0.1, port: 0}",
            "storage: {data_dir: data}",
            "keys: [{name: test, key: " + KEY + "}]",
            "specialists: [{name: intent, registry: intent}]",
            "routing:",
            "  labels:",
            "    track_order: {answer: \"Follow your order online.\"}",
            ""),
        UTF_8);

    try (Gateway gateway =
            Gateway.start(ConfigLoader.create().load(yaml), ServeCommand::champions);
        HttpClient http = HttpClient.newHttpClient()) {
      assertThat(versionAnswering(gateway, http)).isEqualTo("intent-1");

      ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> load = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        load.add(
            Thread.ofVirtual()
                .start(() -> {
                  while (running.get()) {
                    statuses.add(send(gateway, http).statusCode());
                  }
                }));
      }
      Cli.Result promoted = Cli.run("models", "promote", "intent-2", "--data-dir", data.toString());
      assertThat(promoted.exitCode()).as(promoted.toString()).isZero();
      String afterPromotion = awaitVersion(gateway, http, "intent-2");
      Cli.Result rolledBack =
          Cli.run("models", "rollback", "--reason", "test", "--data-dir", data.toString());
      assertThat(rolledBack.exitCode()).as(rolledBack.toString()).isZero();
      String afterRollback = awaitVersion(gateway, http, "intent-1");
      running.set(false);
      for (Thread t : load) {
        t.join();
      }

      assertThat(afterPromotion).isEqualTo("intent-2");
      assertThat(afterRollback).isEqualTo("intent-1");
      assertThat(statuses).isNotEmpty().containsOnly(200);
    }
  }

  private static String awaitVersion(Gateway gateway, HttpClient http, String wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String seen = "";
    while (System.nanoTime() < deadline && !seen.equals(wanted)) {
      seen = versionAnswering(gateway, http);
      Thread.sleep(100);
    }
    return seen;
  }

  /** The model version the request log records for a fresh request. */
  private static String versionAnswering(Gateway gateway, HttpClient http) {
    HttpResponse<String> r = send(gateway, http);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String id = r.headers().firstValue("x-scalpel-request-id").orElseThrow();
    try (RequestLog log = RequestLog.open(data)) {
      return log.find(id).orElseThrow().modelVersion();
    }
  }

  private static HttpResponse<String> send(Gateway gateway, HttpClient http) {
    String body =
        "{\"model\": \"scalpel\", \"messages\": [{\"role\": \"user\", \"content\": \"Where is my"
            + " order?\"}]}";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/v1/chat/completions"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
