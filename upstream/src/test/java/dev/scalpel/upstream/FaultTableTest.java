package dev.scalpel.upstream;

import static dev.scalpel.upstream.Fixtures.chat;
import static dev.scalpel.upstream.Fixtures.results;
import static dev.scalpel.upstream.Fixtures.soon;
import static dev.scalpel.upstream.Fixtures.tier;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.upstream.stub.Fault;
import dev.scalpel.upstream.stub.StubLlm;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fault table, row by row, for non-streaming calls: each fault with and without fallback. */
class FaultTableTest {
  private static StubLlm first;
  private static StubLlm second;
  private Upstreams upstreams;
  private Tier primary;
  private Tier secondary;

  @BeforeAll
  static void startStubs() {
    first = StubLlm.start();
    second = StubLlm.start();
  }

  @AfterAll
  static void stopStubs() {
    first.close();
    second.close();
  }

  @BeforeEach
  void setUp() {
    for (StubLlm stub : List.of(first, second)) {
      stub.faults().clear();
      stub.faults().hangFor(Duration.ofSeconds(5));
      stub.clearRequests();
    }
    upstreams = Fixtures.upstreams().build();
    primary = tier("primary", first).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400));
    secondary = tier("secondary", second);
  }

  @AfterEach
  void tearDown() {
    upstreams.close();
  }

  @ParameterizedTest
  @CsvSource({
    "CONNECTION_RESET, CONNECTION_ERROR, 0",
    "SERVER_ERROR, SERVER_ERROR, 500",
    "SERVICE_UNAVAILABLE, SERVER_ERROR, 503",
    "MALFORMED_BODY, MALFORMED_RESPONSE, 200",
    "HANG, TIMEOUT, 0",
    "STREAM_BREAK, CONNECTION_ERROR, 0"
  })
  void retryableFaultIsRetriedThenFallsBack(Fault fault, Attempt.Result result, int status) {
    first.faults().always(fault);

    UpstreamOutcome outcome =
        upstreams.complete(List.of(primary, secondary), chat("hi"), soon(), Cancellation.create());

    assertThat(outcome).isInstanceOf(UpstreamOutcome.Completed.class);
    UpstreamOutcome.Completed completed = (UpstreamOutcome.Completed) outcome;
    assertThat(completed.tier().name()).isEqualTo("secondary");
    assertThat(completed.response().at("/choices/0/message/content").asText())
        .isEqualTo("Stub answer to: hi");
    assertThat(results(outcome)).containsExactly(result, result, result, Attempt.Result.SUCCESS);
    assertThat(outcome.attempts().get(0).httpStatus()).isEqualTo(status);
    assertThat(outcome.tiersTried()).containsExactly("primary", "secondary");
    assertThat(first.requests()).hasSize(3);
    assertThat(second.requests()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "CONNECTION_RESET, UPSTREAM_ERROR, 502",
    "SERVER_ERROR, UPSTREAM_ERROR, 502",
    "SERVICE_UNAVAILABLE, UPSTREAM_ERROR, 502",
    "MALFORMED_BODY, UPSTREAM_ERROR, 502",
    "HANG, TIMEOUT, 504",
    "STREAM_BREAK, UPSTREAM_ERROR, 502"
  })
  void retryableFaultAloneFailsWithGatewayStatus(Fault fault, FailureKind kind, int status) {
    first.faults().always(fault);

    UpstreamOutcome outcome =
        upstreams.complete(List.of(primary), chat("hi"), soon(), Cancellation.create());

    UpstreamOutcome.Failed failed = (UpstreamOutcome.Failed) outcome;
    assertThat(failed.kind()).isEqualTo(kind);
    assertThat(failed.status()).isEqualTo(status);
    assertThat(failed.error().type()).isEqualTo("upstream_error");
    assertThat(failed.error().code())
        .isEqualTo(status == 504 ? "upstream_timeout" : "upstream_error");
    assertThat(failed.error().message()).contains("primary");
    assertThat(failed.retryAfter()).isEmpty();
    assertThat(failed.calls()).isEqualTo(3);
    assertThat(first.requests()).hasSize(3);
  }

  @Test
  void transientFailureIsRetriedOnTheSameTier() {
    first.faults().set(Fault.SERVER_ERROR, 1);

    UpstreamOutcome outcome =
        upstreams.complete(List.of(primary, secondary), chat("hi"), soon(), Cancellation.create());

    assertThat(((UpstreamOutcome.Completed) outcome).tier().name()).isEqualTo("primary");
    assertThat(results(outcome))
        .containsExactly(Attempt.Result.SERVER_ERROR, Attempt.Result.SUCCESS);
    assertThat(outcome.attempts().get(1).number()).isEqualTo(2);
    assertThat(second.requests()).isEmpty();
  }

  @Test
  void rateLimitGoesToTheNextTierWithoutRetry() {
    first.faults().always(Fault.RATE_LIMITED);

    UpstreamOutcome outcome =
        upstreams.complete(List.of(primary, secondary), chat("hi"), soon(), Cancellation.create());

    assertThat(((UpstreamOutcome.Completed) outcome).tier().name()).isEqualTo("secondary");
    assertThat(results(outcome))
        .containsExactly(Attempt.Result.RATE_LIMITED, Attempt.Result.SUCCESS);
    assertThat(first.requests()).hasSize(1);
  }

  @Test
  void rateLimitAlonePassesRetryAfterOn() {
    first.faults().always(Fault.RATE_LIMITED);

    UpstreamOutcome outcome =
        upstreams.complete(List.of(primary), chat("hi"), soon(), Cancellation.create());

    UpstreamOutcome.Failed failed = (UpstreamOutcome.Failed) outcome;
    assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
    assertThat(failed.status()).isEqualTo(429);
    assertThat(failed.retryAfter()).isEqualTo("1");
    assertThat(failed.error().code()).isEqualTo("rate_limit_exceeded");
    assertThat(failed.calls()).isEqualTo(1);
  }

  @Test
  void otherClientErrorIsNeitherRetriedNorFallenBack() {
    first.faults().always(Fault.CONTEXT_LENGTH_EXCEEDED);

    UpstreamOutcome outcome =
        upstreams.complete(List.of(primary, secondary), chat("hi"), soon(), Cancellation.create());

    UpstreamOutcome.Failed failed = (UpstreamOutcome.Failed) outcome;
    assertThat(failed.kind()).isEqualTo(FailureKind.REQUEST_REJECTED);
    assertThat(failed.status()).isEqualTo(400);
    assertThat(failed.error().code()).isEqualTo("context_length_exceeded");
    assertThat(failed.error().param()).isEqualTo("messages");
    assertThat(failed.error().type()).isEqualTo("invalid_request_error");
    assertThat(failed.error().message()).startsWith("This model's maximum context length");
    assertThat(failed.error().toJson().at("/error/code").asText())
        .isEqualTo("context_length_exceeded");
    assertThat(results(outcome)).containsExactly(Attempt.Result.CLIENT_ERROR);
    assertThat(second.requests()).isEmpty();
  }

  @Test
  void refusedConnectionFallsBack() throws Exception {
    Tier dead = tier("dead", Fixtures.deadBaseUrl());

    UpstreamOutcome outcome =
        upstreams.complete(List.of(dead, secondary), chat("hi"), soon(), Cancellation.create());

    assertThat(((UpstreamOutcome.Completed) outcome).tier().name()).isEqualTo("secondary");
    assertThat(results(outcome).subList(0, 3)).containsOnly(Attempt.Result.CONNECTION_ERROR);
    assertThat(outcome.attempts().get(0).detail()).isEqualTo("connection refused");
  }

  @Test
  void retriesAreBoundedByTheTierSetting() {
    first.faults().always(Fault.SERVER_ERROR);
    Tier fourTries = primary.withMaxRetries(3);

    UpstreamOutcome outcome =
        upstreams.complete(List.of(fourTries), chat("hi"), soon(), Cancellation.create());

    assertThat(outcome.calls()).isEqualTo(4);
    assertThat(outcome.attempts().stream().map(Attempt::number).toList())
        .containsExactly(1, 2, 3, 4);
    assertThat(first.requests()).hasSize(4);
  }

  @Test
  void lastTierDecidesTheStatusWhenFailuresDiffer() {
    first.faults().always(Fault.RATE_LIMITED);
    second.faults().always(Fault.SERVER_ERROR);

    UpstreamOutcome outcome =
        upstreams.complete(
            List.of(primary, secondary.withMaxRetries(0)),
            chat("hi"),
            soon(),
            Cancellation.create());

    assertThat(((UpstreamOutcome.Failed) outcome).status()).isEqualTo(502);
    assertThat(outcome.tiersTried()).containsExactly("primary", "secondary");
  }

  @Test
  void deadlineBoundsAllAttempts() {
    first.faults().always(Fault.HANG);
    Tier patient = primary.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30));
    long start = System.nanoTime();

    UpstreamOutcome outcome =
        upstreams.complete(
            List.of(patient, secondary),
            chat("hi"),
            Fixtures.in(Duration.ofMillis(500)),
            Cancellation.create());

    UpstreamOutcome.Failed failed = (UpstreamOutcome.Failed) outcome;
    assertThat(failed.status()).isEqualTo(504);
    assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(second.requests()).isEmpty();
  }

  @Test
  void deadlineAlreadyPassedCallsNothing() {
    UpstreamOutcome outcome =
        upstreams.complete(
            List.of(primary),
            chat("hi"),
            Fixtures.in(Duration.ofMillis(-1)),
            Cancellation.create());

    assertThat(((UpstreamOutcome.Failed) outcome).status()).isEqualTo(504);
    assertThat(outcome.attempts()).isEqualTo(Collections.emptyList());
    assertThat(first.requests()).isEmpty();
  }
}
