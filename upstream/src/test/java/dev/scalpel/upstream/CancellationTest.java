package dev.scalpel.upstream;

import static dev.scalpel.upstream.Fixtures.chat;
import static dev.scalpel.upstream.Fixtures.results;
import static dev.scalpel.upstream.Fixtures.soon;
import static dev.scalpel.upstream.Fixtures.tier;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.upstream.stub.Fault;
import dev.scalpel.upstream.stub.StubLlm;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client that goes away stops the upstream call: cancel handle, interruption, failed sink. */
class CancellationTest {
  private static final String LONG_TEXT = "word ".repeat(40).strip();
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
    first.faults().hangFor(Duration.ofSeconds(10));
    first.faults().chunkDelay(Duration.ZERO);
    first.clearRequests();
    second.clearRequests();
    upstreams = Fixtures.upstreams().build();
    primary = tier("primary", first).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(20));
    secondary = tier("secondary", second);
  }

  @AfterEach
  void tearDown() {
    upstreams.close();
  }

  @Test
  void cancelStopsAHangingCallWithoutFallback() throws Exception {
    first.faults().always(Fault.HANG);
    Cancellation cancel = Cancellation.create();
    CompletableFuture<UpstreamOutcome> call =
        CompletableFuture.supplyAsync(
            () -> upstreams.complete(List.of(primary, secondary), chat("hi"), soon(), cancel),
            Thread::startVirtualThread);
    awaitRequests(first, 1);

    cancel.cancel();

    UpstreamOutcome outcome = call.get(3, TimeUnit.SECONDS);
    assertThat(outcome).isInstanceOf(UpstreamOutcome.Cancelled.class);
    assertThat(results(outcome)).containsExactly(Attempt.Result.CANCELLED);
    assertThat(second.requests()).isEmpty();
  }

  @Test
  void interruptingTheCallerCancelsAndKeepsTheInterruptFlag() throws Exception {
    first.faults().always(Fault.HANG);
    AtomicReference<UpstreamOutcome> outcome = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        Thread.startVirtualThread(() -> {
          outcome.set(
              upstreams.complete(
                  List.of(primary, secondary), chat("hi"), soon(), Cancellation.create()));
          stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
    awaitRequests(first, 1);

    caller.interrupt();

    assertThat(caller.join(Duration.ofSeconds(3))).isTrue();
    assertThat(outcome.get()).isInstanceOf(UpstreamOutcome.Cancelled.class);
    assertThat(stillInterrupted.get()).isTrue();
    assertThat(second.requests()).isEmpty();
  }

  @Test
  void cancelMidStreamClosesTheUpstreamStream() throws Exception {
    first.faults().chunkDelay(Duration.ofMillis(50));
    int abandonedBefore = first.abandonedStreams();
    Cancellation cancel = Cancellation.create();
    CountDownLatch threeChunks = new CountDownLatch(3);
    ChunkSink sink =
        new ChunkSink() {
          @Override
          public void onChunk(String data, JsonNode chunk) {
            threeChunks.countDown();
          }

          @Override
          public void onDone() {}
        };
    CompletableFuture<UpstreamOutcome> call =
        CompletableFuture.supplyAsync(
            () ->
                upstreams.stream(
                    List.of(primary, secondary), chat(LONG_TEXT), soon(), cancel, sink),
            Thread::startVirtualThread);
    assertThat(threeChunks.await(5, TimeUnit.SECONDS)).isTrue();

    cancel.cancel();

    assertThat(call.get(3, TimeUnit.SECONDS)).isInstanceOf(UpstreamOutcome.Cancelled.class);
    awaitAbandoned(first, abandonedBefore + 1);
    assertThat(second.requests()).isEmpty();
  }

  @Test
  void sinkFailureMeansTheClientIsGone() throws Exception {
    first.faults().chunkDelay(Duration.ofMillis(20));
    int abandonedBefore = first.abandonedStreams();
    AtomicInteger chunks = new AtomicInteger();
    ChunkSink sink =
        new ChunkSink() {
          @Override
          public void onChunk(String data, JsonNode chunk) throws IOException {
            if (chunks.incrementAndGet() == 2) {
              throw new IOException("client closed the connection");
            }
          }

          @Override
          public void onDone() {}
        };

    UpstreamOutcome outcome =
        upstreams.stream(
            List.of(primary, secondary), chat(LONG_TEXT), soon(), Cancellation.create(), sink);

    assertThat(outcome).isInstanceOf(UpstreamOutcome.Cancelled.class);
    assertThat(chunks.get()).isEqualTo(2);
    awaitAbandoned(first, abandonedBefore + 1);
  }

  @Test
  void cancelledBeforeTheCallCallsNothing() {
    Cancellation cancel = Cancellation.create();
    cancel.cancel();

    UpstreamOutcome outcome = upstreams.complete(List.of(primary), chat("hi"), soon(), cancel);

    assertThat(outcome).isInstanceOf(UpstreamOutcome.Cancelled.class);
    assertThat(outcome.calls()).isZero();
    assertThat(first.requests()).isEmpty();
  }

  @Test
  void cancelDuringBackoffStopsRetries() throws Exception {
    first.faults().always(Fault.SERVER_ERROR);
    Upstreams slowRetries =
        Fixtures.upstreams()
            .retryPolicy(new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10), 1, 0))
            .build();
    Cancellation cancel = Cancellation.create();
    try (slowRetries) {
      CompletableFuture<UpstreamOutcome> call =
          CompletableFuture.supplyAsync(
              () -> slowRetries.complete(List.of(primary), chat("hi"), soon(), cancel),
              Thread::startVirtualThread);
      awaitRequests(first, 1);

      cancel.cancel();

      UpstreamOutcome outcome = call.get(3, TimeUnit.SECONDS);
      assertThat(outcome).isInstanceOf(UpstreamOutcome.Cancelled.class);
      assertThat(outcome.calls()).isEqualTo(1);
    }
  }

  private static void awaitRequests(StubLlm stub, int count) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (stub.requests().size() < count && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(stub.requests()).hasSize(count);
  }

  private static void awaitAbandoned(StubLlm stub, int count) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (stub.abandonedStreams() < count && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(stub.abandonedStreams()).isEqualTo(count);
  }
}
