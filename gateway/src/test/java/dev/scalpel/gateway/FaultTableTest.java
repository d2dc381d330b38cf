package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.stub.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault table of the gateway, row by row, through the HTTP front door: a stub upstream acts out
 * each fault on the first tier, with and without a healthy second tier. Each case starts its own
 * gateway (fresh circuit breakers, an empty log), sends one request, stops the gateway and finds
 * exactly one log row whose status says what happened. No specialist is loaded: every request to
 * {@code scalpel} escalates. The rows about streams and circuit breakers are in {@link
 * StreamAndCircuitFaultsTest}.
 */
@Timeout(60)
class FaultTableTest extends FaultCase {

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"SERVER_ERROR", "SERVICE_UNAVAILABLE", "CONNECTION_RESET", "MALFORMED_BODY"})
  void aFailingTierIsRetriedThenTheNextTierAnswers(Fault fault) {
    first.faults().always(fault);
    startWithBothTiers(1);

    HttpResponse<String> response = ask();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isEqualTo("escalated");
    assertThat(ChatCompletionsTest.content(response)).isEqualTo(ANSWER);
    assertThat(json(response.body()).path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(first.requests()).as("one call and one retry on the failing tier").hasSize(2);
    assertThat(second.requests()).hasSize(1);
    RequestRecord row = onlyRow(response);
    assertThat(row.route()).isEqualTo(Route.ESCALATED);
    assertThat(row.status()).isEqualTo(200);
    assertThat(row.upstream()).isEqualTo("secondary");
    assertThat(row.upstreamModel()).isEqualTo("gpt-4o-mini");
    assertThat(row.error()).isEmpty();
  }

  @Test
  void aTransientFailureIsRetriedOnTheSameTier() {
    first.faults().set(Fault.SERVER_ERROR, 1);
    startWithBothTiers(1);

    HttpResponse<String> response = ask();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ChatCompletionsTest.content(response)).isEqualTo(ANSWER);
    assertThat(first.requests()).hasSize(2);
    assertThat(second.requests()).isEmpty();
    RequestRecord row = onlyRow(response);
    assertThat(row.status()).isEqualTo(200);
    assertThat(row.upstream()).isEqualTo("primary");
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"SERVER_ERROR", "SERVICE_UNAVAILABLE", "CONNECTION_RESET", "MALFORMED_BODY"})
  void aFailingTierWithoutAnotherIs502UpstreamError(Fault fault) {
    first.faults().always(fault);
    startWithOneTier(1);

    HttpResponse<String> response = ask();

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(header(response, "content-type")).startsWith("application/json");
    assertThat(header(response, "x-scalpel-route")).isEqualTo("escalated");
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("upstream_error");
    assertThat(error.path("code").asText()).isEqualTo("upstream_error");
    assertThat(error.path("message").asText()).startsWith("upstream tier 'primary' failed: ");
    assertThat(first.requests()).hasSize(2);
    RequestRecord row = onlyRow(response);
    assertThat(row.route()).isEqualTo(Route.ESCALATED);
    assertThat(row.status()).isEqualTo(502);
    assertThat(row.upstream()).isEqualTo("primary");
    assertThat(row.error()).isEqualTo(error.path("message").asText());
  }

  @Test
  void aRefusedConnectionFallsBackToTheNextTier() throws IOException {
    start(
        GatewayYaml.create()
            .withoutSpecialist()
            .tier("primary", deadBaseUrl(), "gpt-4o", "2s", 1)
            .tier("secondary", second.baseUrl(), "gpt-4o-mini", "2s", 1));

    HttpResponse<String> response = ask();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ChatCompletionsTest.content(response)).isEqualTo(ANSWER);
    assertThat(onlyRow(response).upstream()).isEqualTo("secondary");
  }

  @Test
  void aRefusedConnectionWithoutAnotherTierIs502() throws IOException {
    start(
        GatewayYaml.create().withoutSpecialist().tier("primary", deadBaseUrl(), "gpt-4o", "2s", 1));

    HttpResponse<String> response = ask();

    assertThat(response.statusCode()).isEqualTo(502);
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("upstream_error");
    assertThat(error.path("message").asText())
        .isEqualTo("upstream tier 'primary' failed: connection refused");
    RequestRecord row = onlyRow(response);
    assertThat(row.status()).isEqualTo(502);
    assertThat(row.error()).isEqualTo("upstream tier 'primary' failed: connection refused");
  }

  @Test
  void aHangBeyondTheTierTimeoutIs504() {
    first.faults().always(Fault.HANG);
    start(
        GatewayYaml.create()
            .withoutSpecialist()
            .tier("primary", first.baseUrl(), "gpt-4o", "300ms", 0));

    long start = System.nanoTime();
    HttpResponse<String> response = ask();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.statusCode()).isEqualTo(504);
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("upstream_error");
    assertThat(error.path("code").asText()).isEqualTo("upstream_timeout");
    assertThat(error.path("message").asText())
        .isEqualTo("upstream tier 'primary' timed out after 300 ms");
    assertThat(took)
        .as("bounded by the tier timeout, not the 5 s hang")
        .isLessThan(Duration.ofSeconds(4));
    RequestRecord row = onlyRow(response);
    assertThat(row.status()).isEqualTo(504);
    assertThat(row.error()).isEqualTo("upstream tier 'primary' timed out after 300 ms");
  }

  @Test
  void theRequestDeadlineBoundsTheUpstreamWait() {
    first.faults().always(Fault.HANG);
    start(
        GatewayYaml.create()
            .withoutSpecialist()
            .server("request_deadline", "800ms")
            .tier("primary", first.baseUrl(), "gpt-4o", "10s", 2));

    long start = System.nanoTime();
    HttpResponse<String> response = ask();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.statusCode()).isEqualTo(504);
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("upstream_error");
    assertThat(error.path("code").asText()).isEqualTo("upstream_timeout");
    assertThat(took)
        .as("the 800 ms deadline, not the 10 s tier timeout")
        .isLessThan(Duration.ofSeconds(4));
    assertThat(first.requests()).hasSize(1);
    RequestRecord row = onlyRow(response);
    assertThat(row.status()).isEqualTo(504);
    assertThat(row.error()).isEqualTo(error.path("message").asText());
  }

  @Test
  void aHangBeyondTheTierTimeoutFallsBackToTheNextTier() {
    first.faults().always(Fault.HANG);
    start(
        GatewayYaml.create()
            .withoutSpecialist()
            .tier("primary", first.baseUrl(), "gpt-4o", "300ms", 0)
            .tier("secondary", second.baseUrl(), "gpt-4o-mini", "2s", 0));

    HttpResponse<String> response = ask();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ChatCompletionsTest.content(response)).isEqualTo(ANSWER);
    assertThat(onlyRow(response).upstream()).isEqualTo("secondary");
  }

  @Test
  void rateLimitedMovesToTheNextTierWithoutARetry() {
    first.faults().always(Fault.RATE_LIMITED);
    startWithBothTiers(2);

    HttpResponse<String> response = ask();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ChatCompletionsTest.content(response)).isEqualTo(ANSWER);
    assertThat(first.requests()).as("429 is not retried on the same tier").hasSize(1);
    assertThat(second.requests()).hasSize(1);
    RequestRecord row = onlyRow(response);
    assertThat(row.status()).isEqualTo(200);
    assertThat(row.upstream()).isEqualTo("secondary");
  }

  @Test
  void rateLimitedWithoutAnotherTierIs429WithTheUpstreamsRetryAfter() {
    first.faults().always(Fault.RATE_LIMITED);
    startWithOneTier(2);

    HttpResponse<String> response = ask();

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(header(response, "retry-after")).isEqualTo("1");
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("message").asText())
        .isEqualTo("Rate limit reached for stub-model; try again in 1s.");
    assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(first.requests()).hasSize(1);
    RequestRecord row = onlyRow(response);
    assertThat(row.status()).isEqualTo(429);
    assertThat(row.error()).isEqualTo("Rate limit reached for stub-model; try again in 1s.");
  }

  @Test
  void contextLengthExceededIs400WithTheUpstreamsMessageAndNoFallback() {
    first.faults().always(Fault.CONTEXT_LENGTH_EXCEEDED);
    startWithBothTiers(2);

    HttpResponse<String> response = ask();

    String message =
        "This model's maximum context length is 8192 tokens. However, your messages resulted in"
            + " 9000 tokens. Please reduce the length of the messages.";
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("message").asText()).isEqualTo(message);
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("param").asText()).isEqualTo("messages");
    assertThat(error.path("code").asText()).isEqualTo("context_length_exceeded");
    assertThat(first.requests()).as("the request itself is at fault: no retry").hasSize(1);
    assertThat(second.requests()).as("and no fallback").isEmpty();
    RequestRecord row = onlyRow(response);
    assertThat(row.route()).isEqualTo(Route.ESCALATED);
    assertThat(row.status()).isEqualTo(400);
    assertThat(row.error()).isEqualTo(message);
  }

  /** A base URL where nothing listens: connections are refused. */
  private static URI deadBaseUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/v1");
  }
}
