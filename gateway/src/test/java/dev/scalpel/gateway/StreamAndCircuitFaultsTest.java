package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.stub.Fault;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rows of the fault table about streams and circuit breakers, through the HTTP front door: a
 * stream that breaks after bytes, a stream that fails before any byte, a tier whose circuit opened.
 * As in {@link FaultTableTest}, each case starts its own gateway (fresh breakers, an empty log)
 * without a specialist, so every request to {@code scalpel} escalates.
 */
@Timeout(60)
class StreamAndCircuitFaultsTest extends FaultCase {

  @Test
  void aStreamThatBreaksAfterBytesEndsWithAnErrorEventAndNoFallback() {
    first.faults().always(Fault.STREAM_BREAK);
    // Four retries: now and then the stub's break loses every byte before the response headers
    // (see the report), which is a failure before any byte and rightly retried.
    startWithBothTiers(4);

    HttpResponse<String> response = gateway.chat(Bodies.streamed("scalpel", TEXT, false));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "content-type")).startsWith("text/event-stream");
    Sse sse = Sse.parse(response.body());
    List<Sse.Event> events = sse.events();
    assertThat(events).hasSizeGreaterThanOrEqualTo(2);
    assertThat(events.getLast().name()).isEqualTo("error");
    List<Sse.Event> before = events.subList(0, events.size() - 1);
    assertThat(before)
        .as("the two chunks the stub sent before it broke")
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.name()).isEmpty());
    assertThat(sse.data()).doesNotContain("[DONE]");
    assertThat(sse.content()).isEqualTo("Stub");
    JsonNode error = events.getLast().json().path("error");
    assertThat(error.path("type").asText()).isEqualTo("upstream_error");
    assertThat(error.path("code").asText()).isEqualTo("stream_broken");
    assertThat(error.path("message").asText()).startsWith("upstream tier 'primary' stream broke");
    assertThat(first.requests()).hasSizeBetween(1, 5);
    assertThat(second.requests()).as("no fallback once bytes reached the client").isEmpty();
    RequestRecord row = onlyRow(response);
    assertThat(row.route()).isEqualTo(Route.ESCALATED);
    assertThat(row.status()).isEqualTo(502);
    assertThat(row.upstream()).isEqualTo("primary");
    assertThat(row.error()).isEqualTo(error.path("message").asText());
  }

  @Test
  void aStreamThatFailsBeforeAnyByteFallsBackToTheNextTier() {
    first.faults().always(Fault.SERVER_ERROR);
    startWithBothTiers(0);

    HttpResponse<String> response = gateway.chat(Bodies.streamed("scalpel", TEXT, false));

    assertThat(response.statusCode()).isEqualTo(200);
    Sse sse = Sse.parse(response.body());
    assertThat(sse.data().getLast()).isEqualTo("[DONE]");
    assertThat(sse.content()).isEqualTo(ANSWER);
    assertThat(first.requests()).hasSize(1);
    assertThat(second.requests()).hasSize(1);
    RequestRecord row = onlyRow(response);
    assertThat(row.status()).isEqualTo(200);
    assertThat(row.upstream()).isEqualTo("secondary");
  }

  @Test
  void anOpenCircuitSkipsTheTier() {
    first.faults().always(Fault.SERVER_ERROR);
    startWithBothTiers(0);

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      HttpResponse<String> response = ask();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(ChatCompletionsTest.content(response)).isEqualTo(ANSWER);
      ids.add(header(response, "x-scalpel-request-id"));
    }

    // Ten failures in a row open the breaker (at least 10 calls, 50% failures); then the tier
    // is skipped.
    assertThat(first.requests()).hasSize(10);
    assertThat(second.requests()).hasSize(14);
    gateway.close();
    try (RequestLog log = RequestLog.open(dir.resolve("data"))) {
      assertThat(log.count()).isEqualTo(14);
      for (String id : ids) {
        RequestRecord row = log.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.upstream()).isEqualTo("secondary");
      }
    }
  }

  @Test
  void anOpenCircuitOnTheOnlyTierIs502CircuitOpen() {
    first.faults().always(Fault.SERVER_ERROR);
    startWithOneTier(0);
    for (int i = 0; i < 10; i++) {
      assertThat(ask().statusCode()).isEqualTo(502);
    }

    HttpResponse<String> response = ask();

    assertThat(response.statusCode()).isEqualTo(502);
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("circuit_open");
    assertThat(error.path("message").asText())
        .isEqualTo("no upstream tier available: circuit open for primary");
    assertThat(first.requests()).hasSize(10);
    String id = header(response, "x-scalpel-request-id");
    gateway.close();
    try (RequestLog log = RequestLog.open(dir.resolve("data"))) {
      assertThat(log.count()).isEqualTo(11);
      RequestRecord row = log.find(id).orElseThrow();
      assertThat(row.status()).isEqualTo(502);
      assertThat(row.error()).isEqualTo("no upstream tier available: circuit open for primary");
    }
  }

  @Test
  void upstreamFailuresAreCountedInTheMetrics() {
    first.faults().always(Fault.SERVER_ERROR);
    startWithBothTiers(0);

    assertThat(ask().statusCode()).isEqualTo(200);

    String metrics = gateway.get("/metrics").body();
    assertThat(metrics).contains("scalpel_upstream_errors");
    assertThat(metrics).containsPattern("scalpel_upstream_errors_total\\{[^}]*tier=\"primary\"");
  }
}
