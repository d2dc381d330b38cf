package dev.scalpel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.gateway.http.GarbageBodies;
import dev.scalpel.upstream.stub.StubLlm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * 200 random request bodies (random bytes, random JSON in the chat API's words, mutated valid
 * requests) sent to a running gateway with a specialist and a healthy stub upstream: every one gets
 * a 2xx or a 4xx in OpenAI's error shape within the client's timeout, never a 5xx or a hang.
 */
class RequestFuzzTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static Path dir;
  private static StubLlm stub;
  private static RunningGateway gateway;

  @BeforeContainer
  static void start() throws IOException {
    dir = Files.createTempDirectory("scalpel-fuzz");
    stub = StubLlm.start();
    gateway =
        RunningGateway.start(
            GatewayYaml.create()
                .tier("primary", stub.baseUrl(), "gpt-4o", "5s", 0)
                .write(dir.resolve("gateway")));
  }

  @AfterContainer
  static void stop() throws IOException {
    try {
      if (gateway != null) {
        gateway.close();
      }
      if (stub != null) {
        stub.close();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(RequestFuzzTest::delete);
      }
    }
  }

  @Property(tries = 200)
  void everyBodyGetsA2xxOrA4xxInTime(@ForAll("bodies") byte[] body) {
    HttpResponse<String> response =
        gateway.send(
            gateway
                .request("/v1/chat/completions")
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

    Statistics.collect(response.statusCode() / 100 + "xx");
    Statistics.coverage(coverage -> {
      coverage.check("2xx").percentage(p -> p >= 5);
      coverage.check("4xx").percentage(p -> p >= 30);
    });
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
    assertThat(response.headers().firstValue("x-scalpel-request-id")).isPresent();
    if (response.statusCode() >= 400) {
      JsonNode error = RunningGateway.json(response.body()).path("error");
      assertThat(error.path("message").asText()).isNotBlank();
      assertThat(error.path("type").asText()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return GarbageBodies.any();
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
