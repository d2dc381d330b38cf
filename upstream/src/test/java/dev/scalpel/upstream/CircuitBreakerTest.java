package dev.scalpel.upstream;

import static dev.scalpel.upstream.Fixtures.chat;
import static dev.scalpel.upstream.Fixtures.results;
import static dev.scalpel.upstream.Fixtures.soon;
import static dev.scalpel.upstream.Fixtures.tier;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.upstream.stub.Fault;
import dev.scalpel.upstream.stub.StubLlm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tier that keeps failing has its circuit opened and is skipped until it may recover. */
class CircuitBreakerTest {
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
    first.faults().clear();
    first.clearRequests();
    second.clearRequests();
    upstreams =
        Fixtures.upstreams()
            .breakerSettings(new BreakerSettings(4, 4, 50f, Duration.ofMillis(300), 1))
            .build();
    primary = tier("primary", first).withMaxRetries(0);
    secondary = tier("secondary", second);
  }

  @AfterEach
  void tearDown() {
    upstreams.close();
  }

  @Test
  void repeatedFailuresOpenTheCircuitAndTheTierIsSkipped() {
    first.faults().always(Fault.SERVER_ERROR);
    for (int i = 0; i < 4; i++) {
      UpstreamOutcome outcome = complete(List.of(primary, secondary));
      assertThat(((UpstreamOutcome.Completed) outcome).tier().name()).isEqualTo("secondary");
    }
    assertThat(upstreams.circuitState("primary")).isEqualTo(CircuitState.OPEN);
    assertThat(upstreams.circuitStates())
        .containsEntry("primary", CircuitState.OPEN)
        .containsEntry("secondary", CircuitState.CLOSED);

    UpstreamOutcome skipped = complete(List.of(primary, secondary));

    assertThat(results(skipped))
        .containsExactly(Attempt.Result.CIRCUIT_OPEN, Attempt.Result.SUCCESS);
    assertThat(skipped.calls()).isEqualTo(1);
    assertThat(skipped.tiersTried()).containsExactly("secondary");
    assertThat(first.requests()).hasSize(4);
  }

  @Test
  void allCircuitsOpenIs502WithoutCalls() {
    first.faults().always(Fault.SERVER_ERROR);
    for (int i = 0; i < 4; i++) {
      complete(List.of(primary));
    }

    UpstreamOutcome.Failed failed = (UpstreamOutcome.Failed) complete(List.of(primary));

    assertThat(failed.kind()).isEqualTo(FailureKind.ALL_CIRCUITS_OPEN);
    assertThat(failed.status()).isEqualTo(502);
    assertThat(failed.error().code()).isEqualTo("circuit_open");
    assertThat(failed.calls()).isZero();
    assertThat(first.requests()).hasSize(4);
  }

  @Test
  void circuitClosesAgainAfterASuccessfulTrial() throws InterruptedException {
    first.faults().always(Fault.SERVER_ERROR);
    for (int i = 0; i < 4; i++) {
      complete(List.of(primary, secondary));
    }
    assertThat(upstreams.circuitState("primary")).isEqualTo(CircuitState.OPEN);
    first.faults().clear();
    Thread.sleep(400);

    UpstreamOutcome outcome = complete(List.of(primary, secondary));

    assertThat(((UpstreamOutcome.Completed) outcome).tier().name()).isEqualTo("primary");
    assertThat(upstreams.circuitState("primary")).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void clientErrorsAndRateLimitsDoNotOpenTheCircuit() {
    first.faults().always(Fault.CONTEXT_LENGTH_EXCEEDED);
    for (int i = 0; i < 5; i++) {
      complete(List.of(primary, secondary));
    }
    first.faults().always(Fault.RATE_LIMITED);
    for (int i = 0; i < 5; i++) {
      complete(List.of(primary, secondary));
    }

    assertThat(upstreams.circuitState("primary")).isEqualTo(CircuitState.CLOSED);
    assertThat(first.requests()).hasSize(10);
  }

  @Test
  void unknownTierReadsAsClosed() {
    assertThat(upstreams.circuitState("never-called")).isEqualTo(CircuitState.CLOSED);
    assertThat(upstreams.circuitStates()).isEmpty();
  }

  private UpstreamOutcome complete(List<Tier> chain) {
    return upstreams.complete(chain, chat("hi"), soon(), Cancellation.create());
  }
}
