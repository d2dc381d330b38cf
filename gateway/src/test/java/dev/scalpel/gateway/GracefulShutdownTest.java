package dev.scalpel.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.stub.StubLlm;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the gateway while requests are in flight lets them finish, accounts them, and then stops
 * listening.
 */
@Timeout(60)
class GracefulShutdownTest {
  private static final Duration UPSTREAM_LATENCY = Duration.ofMillis(1500);

  @TempDir Path dir;
  private StubLlm stub;
  private RunningGateway gateway;

  @BeforeEach
  void start() {
    stub = StubLlm.start();
    stub.faults().latency(UPSTREAM_LATENCY);
    gateway =
        RunningGateway.start(
            GatewayYaml.create()
                .withoutSpecialist()
                .tier("primary", stub.baseUrl(), "gpt-4o", "10s", 0)
                .write(dir));
  }

  @AfterEach
  void stop() {
    gateway.close();
    stub.close();
  }

  @Test
  void aRequestInFlightCompletesWhileTheGatewayCloses() throws Exception {
    CompletableFuture<HttpResponse<String>> plain = send(Bodies.chat("scalpel", "first question"));
    CompletableFuture<HttpResponse<String>> streamed =
        send(Bodies.streamed("scalpel", "second question", true));
    awaitUpstreamRequests(2);

    long start = System.nanoTime();
    gateway.close();
    Duration closing = Duration.ofNanos(System.nanoTime() - start);

    HttpResponse<String> first = plain.get(10, TimeUnit.SECONDS);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(ChatCompletionsTest.content(first)).isEqualTo("Stub answer to: first question");
    HttpResponse<String> second = streamed.get(10, TimeUnit.SECONDS);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    Sse sse = Sse.parse(second.body());
    assertThat(sse.content()).isEqualTo("Stub answer to: second question");
    assertThat(sse.data().getLast()).isEqualTo("[DONE]");
    assertThat(closing)
        .as("close waited for the requests in flight")
        .isLessThan(Duration.ofSeconds(10));
    try (RequestLog log = RequestLog.open(dir.resolve("data"))) {
      assertThat(log.count()).isEqualTo(2);
      for (HttpResponse<String> response : List.of(first, second)) {
        RequestRecord row =
            log.find(RunningGateway.header(response, "x-scalpel-request-id")).orElseThrow();
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.route()).isEqualTo(Route.ESCALATED);
        assertThat(row.upstream()).isEqualTo("primary");
      }
    }
  }

  @Test
  void aClosedGatewayRefusesConnections() {
    int port = gateway.port();
    gateway.close();

    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
    client.close();
  }

  private CompletableFuture<HttpResponse<String>> send(JsonNode body) {
    HttpRequest request =
        gateway
            .request("/v1/chat/completions")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return gateway.http().sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private void awaitUpstreamRequests(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (stub.requests().size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the stub got " + stub.requests().size() + " of " + count);
      }
      Thread.sleep(10);
    }
  }
}
