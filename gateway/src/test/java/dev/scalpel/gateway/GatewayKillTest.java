package dev.scalpel.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.stub.StubLlm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway killed with SIGKILL while serving loses no accounting: a child JVM runs the gateway,
 * four client threads here send local, escalated, hand-off and pass-through requests, the child is
 * killed after {@value #KILL_AFTER} answers while more are in flight, and every request answered
 * with 200 has its row in the reopened log.
 */
@Timeout(180)
class GatewayKillTest {
  private static final int KILL_AFTER = 120;
  private static final int CLIENTS = 4;
  private static final List<ObjectNode> REQUESTS =
      List.of(
          Bodies.chat("scalpel", "Where is my order?"),
          Bodies.chat("scalpel", "I want to cancel my order"),
          Bodies.chat("scalpel", "I want to speak to a human"),
          Bodies.chat("gpt-4o", "Hello there"),
          Bodies.streamed("scalpel", "Where is my order?", true));

  @TempDir Path dir;

  @Test
  void everyAnsweredRequestIsLoggedAfterAKill() throws Exception {
    Map<String, String> answered = new ConcurrentHashMap<>();
    try (StubLlm stub = StubLlm.start()) {
      Path config =
          GatewayYaml.create().tier("primary", stub.baseUrl(), "gpt-4o", "10s", 0).write(dir);
      Path stderr = dir.resolve("child.err");
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "--enable-native-access=ALL-UNNAMED",
                  GatewayChild.class.getName(),
                  config.toString())
              .redirectError(stderr.toFile())
              .start();
      try {
        int port = port(child, stderr);
        CountDownLatch enough = new CountDownLatch(KILL_AFTER);
        AtomicBoolean killed = new AtomicBoolean();
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          int offset = c;
          clients.add(
              Thread.ofVirtual()
                  .start(() -> {
                    for (int i = offset; !killed.get(); i++) {
                      ObjectNode body = REQUESTS.get(i % REQUESTS.size());
                      try {
                        HttpResponse<String> response = http.send(request(port, body), ofString());
                        if (response.statusCode() == 200) {
                          answered.put(
                              RunningGateway.header(response, "x-scalpel-request-id"),
                              RunningGateway.header(response, "x-scalpel-route"));
                          enough.countDown();
                        }
                      } catch (IOException e) {
                        // the child was killed with this request in flight: not answered
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                      }
                    }
                  }));
        }
        assertThat(enough.await(90, TimeUnit.SECONDS))
            .as("%d answers before the kill; child stderr: %s", answered.size(), errors(stderr))
            .isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        killed.set(true);
        for (Thread t : clients) {
          t.join(Duration.ofSeconds(30));
        }
        http.close();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
      } finally {
        child.destroyForcibly();
      }
    }

    assertThat(answered).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
    assertThat(answered.values())
        .as("every kind of request was answered")
        .contains("local", "escalated", "handoff", "passthrough");
    try (RequestLog log = RequestLog.open(dir.resolve("data"))) {
      List<String> missing = new ArrayList<>();
      for (Map.Entry<String, String> a : answered.entrySet()) {
        RequestRecord row = log.find(a.getKey()).orElse(null);
        if (row == null) {
          missing.add(a.getKey());
          continue;
        }
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.route()).isEqualTo(Route.fromWire(a.getValue()));
      }
      assertThat(missing).as("answered with 200 but not in the log").isEmpty();
      assertThat(log.count()).isGreaterThanOrEqualTo(answered.size());
    }
  }

  private static HttpRequest request(int port, ObjectNode body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + GatewayYaml.KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), UTF_8))
        .build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString(UTF_8);
  }

  /** Reads the child's stdout up to its {@code port=} line. */
  private static int port(Process child, Path stderr) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("port=")) {
        return Integer.parseInt(line.substring("port=".length()).strip());
      }
    }
    throw new AssertionError("the gateway child exited before listening: " + errors(stderr));
  }

  private static String errors(Path stderr) {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(no stderr: " + e + ")";
    }
  }
}
