package dev.scalpel.upstream;

import static dev.scalpel.upstream.Fixtures.COUNTER;
import static dev.scalpel.upstream.Fixtures.chat;
import static dev.scalpel.upstream.Fixtures.results;
import static dev.scalpel.upstream.Fixtures.soon;
import static dev.scalpel.upstream.Fixtures.tier;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.upstream.Fixtures.CollectingSink;
import dev.scalpel.upstream.stub.Fault;
import dev.scalpel.upstream.stub.StubLlm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streaming: chunks in order, usage, and the fault table before and after the first chunk. */
class StreamingTest {
  private static StubLlm first;
  private static StubLlm second;
  private Upstreams upstreams;
  private Tier primary;
  private Tier secondary;
  private CollectingSink sink;

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
      stub.faults().chunkDelay(Duration.ZERO);
      stub.faults().streamBreakAfter(2);
      stub.clearRequests();
    }
    upstreams = Fixtures.upstreams().build();
    primary = tier("primary", first);
    secondary = tier("secondary", second);
    sink = new CollectingSink();
  }

  @AfterEach
  void tearDown() {
    upstreams.close();
  }

  private static ObjectNode withUsage(ObjectNode body) {
    body.putObject("stream_options").put("include_usage", true);
    return body;
  }

  @Test
  void chunksArriveInOrderAndEndWithDone() {
    UpstreamOutcome outcome =
        upstreams.stream(
            List.of(primary),
            withUsage(chat("hello big world")),
            soon(),
            Cancellation.create(),
            sink);

    UpstreamOutcome.Completed completed = (UpstreamOutcome.Completed) outcome;
    assertThat(sink.text()).isEqualTo("Stub answer to: hello big world");
    // role chunk, 6 words, finish chunk, usage chunk
    assertThat(sink.chunks).hasSize(9);
    assertThat(sink.chunks.get(1).at("/choices/0/delta/content").asText()).isEqualTo("Stub");
    assertThat(sink.chunks.get(6).at("/choices/0/delta/content").asText()).isEqualTo(" world");
    assertThat(sink.chunks.get(7).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(sink.data.get(0)).startsWith("{\"id\":\"chatcmpl-stub-");
    assertThat(sink.done.get()).isEqualTo(1);
    assertThat(completed.response().at("/choices/0/message/content").asText())
        .isEqualTo("Stub answer to: hello big world");
    assertThat(completed.response().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(first.requests().get(0).json().path("stream").asBoolean()).isTrue();
    assertThat(first.requests().get(0).json().path("model").asText()).isEqualTo("model-primary");
  }

  @Test
  void usageIsTakenFromTheLastChunk() {
    ObjectNode request = withUsage(chat("count me"));

    UpstreamOutcome.Completed completed =
        (UpstreamOutcome.Completed)
            upstreams.stream(List.of(primary), request, soon(), Cancellation.create(), sink);

    assertThat(completed.usage().source()).isEqualTo(Usage.Source.UPSTREAM);
    assertThat(completed.usage().promptTokens())
        .isEqualTo(COUNTER.countMessages(request.get("messages")));
    assertThat(completed.usage().completionTokens())
        .isEqualTo(COUNTER.countText("Stub answer to: count me"));
  }

  @Test
  void usageIsEstimatedWhenTheStreamCarriesNone() {
    ObjectNode request = chat("count me");

    UpstreamOutcome.Completed completed =
        (UpstreamOutcome.Completed)
            upstreams.stream(List.of(primary), request, soon(), Cancellation.create(), sink);

    assertThat(completed.usage())
        .isEqualTo(
            new Usage(
                COUNTER.countMessages(request.get("messages")),
                COUNTER.countText("Stub answer to: count me"),
                Usage.Source.ESTIMATED));
    // role chunk, 5 words, finish chunk; no usage chunk
    assertThat(sink.chunks).hasSize(7);
  }

  @Test
  void breakAfterChunksIsReportedAndNotFallenBack() {
    first.faults().always(Fault.STREAM_BREAK);

    UpstreamOutcome outcome =
        upstreams.stream(
            List.of(primary, secondary),
            chat("one two three"),
            soon(),
            Cancellation.create(),
            sink);

    UpstreamOutcome.StreamBroken broken = (UpstreamOutcome.StreamBroken) outcome;
    assertThat(broken.tier().name()).isEqualTo("primary");
    assertThat(broken.chunksSent()).isEqualTo(2);
    assertThat(broken.error().code()).isEqualTo("stream_broken");
    assertThat(broken.usage().completionTokens()).isEqualTo(COUNTER.countText("Stub"));
    assertThat(sink.chunks).hasSize(2);
    assertThat(sink.done.get()).isZero();
    // A kept-alive connection the stub closed after an earlier break may fail before any byte and
    // be retried; what matters is that the break after chunks ends the call without fallback.
    assertThat(results(outcome)).last().isEqualTo(Attempt.Result.STREAM_BROKEN);
    assertThat(results(outcome).subList(0, results(outcome).size() - 1))
        .allSatisfy(r -> assertThat(r).isEqualTo(Attempt.Result.CONNECTION_ERROR));
    assertThat(second.requests()).isEmpty();
  }

  @Test
  void breakBeforeAnyChunkFallsBack() {
    first.faults().always(Fault.STREAM_BREAK);
    first.faults().streamBreakAfter(0);

    UpstreamOutcome outcome =
        upstreams.stream(
            List.of(primary, secondary), chat("hi"), soon(), Cancellation.create(), sink);

    assertThat(((UpstreamOutcome.Completed) outcome).tier().name()).isEqualTo("secondary");
    assertThat(results(outcome))
        .containsExactly(
            Attempt.Result.CONNECTION_ERROR,
            Attempt.Result.CONNECTION_ERROR,
            Attempt.Result.CONNECTION_ERROR,
            Attempt.Result.SUCCESS);
    assertThat(sink.text()).isEqualTo("Stub answer to: hi");
    assertThat(sink.done.get()).isEqualTo(1);
  }

  @Test
  void serverErrorBeforeTheStreamFallsBack() {
    first.faults().always(Fault.SERVER_ERROR);

    UpstreamOutcome outcome =
        upstreams.stream(
            List.of(primary, secondary), chat("hi"), soon(), Cancellation.create(), sink);

    assertThat(((UpstreamOutcome.Completed) outcome).tier().name()).isEqualTo("secondary");
    assertThat(outcome.attempts().get(0).httpStatus()).isEqualTo(500);
  }

  @Test
  void rateLimitedStreamAloneIs429() {
    first.faults().always(Fault.RATE_LIMITED);

    UpstreamOutcome.Failed failed =
        (UpstreamOutcome.Failed)
            upstreams.stream(List.of(primary), chat("hi"), soon(), Cancellation.create(), sink);

    assertThat(failed.status()).isEqualTo(429);
    assertThat(failed.retryAfter()).isEqualTo("1");
    assertThat(sink.chunks).isEmpty();
  }

  @Test
  void contextTooLongStreamIsRejectedWithUpstreamStatus() {
    first.faults().always(Fault.CONTEXT_LENGTH_EXCEEDED);

    UpstreamOutcome.Failed failed =
        (UpstreamOutcome.Failed)
            upstreams.stream(
                List.of(primary, secondary), chat("hi"), soon(), Cancellation.create(), sink);

    assertThat(failed.status()).isEqualTo(400);
    assertThat(failed.error().code()).isEqualTo("context_length_exceeded");
    assertThat(second.requests()).isEmpty();
  }

  @Test
  void silentStreamAfterChunksIsBrokenByTheIdleTimeout() {
    first.faults().chunkDelay(Duration.ofSeconds(3));
    Tier impatient = primary.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));

    UpstreamOutcome outcome =
        upstreams.stream(
            List.of(impatient, secondary), chat("hi"), soon(), Cancellation.create(), sink);

    UpstreamOutcome.StreamBroken broken = (UpstreamOutcome.StreamBroken) outcome;
    assertThat(broken.chunksSent()).isEqualTo(1);
    assertThat(outcome.attempts().get(0).detail()).isEqualTo("no data for 300 ms");
    assertThat(second.requests()).isEmpty();
  }

  @Test
  void hangBeforeHeadersTimesOutAndFallsBack() {
    first.faults().always(Fault.HANG);
    first.faults().hangFor(Duration.ofSeconds(5));
    Tier impatient =
        primary.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)).withMaxRetries(0);

    UpstreamOutcome outcome =
        upstreams.stream(
            List.of(impatient, secondary), chat("hi"), soon(), Cancellation.create(), sink);

    assertThat(((UpstreamOutcome.Completed) outcome).tier().name()).isEqualTo("secondary");
    assertThat(results(outcome)).containsExactly(Attempt.Result.TIMEOUT, Attempt.Result.SUCCESS);
  }
}
