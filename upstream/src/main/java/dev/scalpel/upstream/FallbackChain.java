package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** {@link Upstreams} over the JDK HttpClient, resilience4j breakers and jtokkit estimates. */
final class FallbackChain implements Upstreams {
  private final HttpCaller caller;
  private final Breakers breakers;
  private final RetryPolicy retryPolicy;
  private final TokenCounter counter;

  FallbackChain(
      HttpCaller caller, Breakers breakers, RetryPolicy retryPolicy, TokenCounter counter) {
    this.caller = caller;
    this.breakers = breakers;
    this.retryPolicy = retryPolicy;
    this.counter = counter;
  }

  @Override
  public UpstreamOutcome complete(
      List<Tier> chain,
      Function<Tier, ObjectNode> requestFor,
      Instant deadline,
      Cancellation cancel) {
    check(chain, requestFor, deadline, cancel);
    Function<Tier, ObjectNode> bodies = copies(chain, requestFor, false);
    for (Tier tier : chain) {
      if (bodies.apply(tier).path("stream").asBoolean(false)) {
        throw new IllegalArgumentException(
            "complete(): expected a request without \"stream\": true, found one; use stream()");
      }
    }
    return run(
        chain,
        deadline,
        cancel,
        (tier, timeout, deadlineNanos) ->
            caller.exchange(tier, Endpoint.CHAT_COMPLETIONS, bodies.apply(tier), timeout, cancel),
        bodies);
  }

  @Override
  public UpstreamOutcome stream(
      List<Tier> chain,
      Function<Tier, ObjectNode> requestFor,
      Instant deadline,
      Cancellation cancel,
      ChunkSink sink) {
    check(chain, requestFor, deadline, cancel);
    Objects.requireNonNull(sink, "sink");
    Function<Tier, ObjectNode> bodies = copies(chain, requestFor, true);
    return run(
        chain,
        deadline,
        cancel,
        (tier, timeout, deadlineNanos) ->
            caller.stream(tier, bodies.apply(tier), timeout, deadlineNanos, cancel, sink),
        bodies);
  }

  @Override
  public UpstreamOutcome embed(
      List<Tier> chain,
      Function<Tier, ObjectNode> requestFor,
      Instant deadline,
      Cancellation cancel) {
    check(chain, requestFor, deadline, cancel);
    Function<Tier, ObjectNode> bodies = copies(chain, requestFor, false);
    return run(
        chain,
        deadline,
        cancel,
        (tier, timeout, deadlineNanos) ->
            caller.exchange(tier, Endpoint.EMBEDDINGS, bodies.apply(tier), timeout, cancel),
        bodies);
  }

  /**
   * The call's private copy of each tier's body, with the tier's model set (and {@code stream} on
   * for a stream); made once, before any attempt.
   */
  private static Function<Tier, ObjectNode> copies(
      List<Tier> chain, Function<Tier, ObjectNode> requestFor, boolean stream) {
    Map<Tier, ObjectNode> bodies = new IdentityHashMap<>();
    for (Tier tier : chain) {
      ObjectNode request = requestFor.apply(tier);
      if (request == null) {
        throw new IllegalArgumentException("no request for tier '" + tier.name() + "'");
      }
      ObjectNode body = request.deepCopy();
      body.put("model", tier.model());
      if (stream) {
        body.put("stream", true);
      }
      bodies.put(tier, body);
    }
    return bodies::get;
  }

  private UpstreamOutcome run(
      List<Tier> chain,
      Instant deadline,
      Cancellation cancel,
      ChainRun.Attempter attempter,
      Function<Tier, ObjectNode> bodies) {
    long deadlineNanos = System.nanoTime() + nanosUntil(deadline);
    ChainRun.Finisher finisher =
        new ChainRun.Finisher() {
          @Override
          public UpstreamOutcome completed(Tier tier, CallResult.Ok ok, List<Attempt> attempts) {
            Usage usage =
                Usage.reportedIn(ok.response())
                    .orElseGet(() -> estimate(bodies.apply(tier), completionText(ok.response())));
            return new UpstreamOutcome.Completed(tier, ok.response(), usage, attempts);
          }

          @Override
          public UpstreamOutcome broken(
              Tier tier, CallResult.Broken broken, List<Attempt> attempts) {
            return new UpstreamOutcome.StreamBroken(
                tier,
                broken.chunksSent(),
                estimate(bodies.apply(tier), broken.partialText()),
                UpstreamErrors.streamBroken(tier.name(), broken.detail()),
                attempts);
          }
        };
    return new ChainRun(breakers, retryPolicy, cancel, deadlineNanos)
        .over(chain, attempter, finisher);
  }

  /** Usage counted by Scalpel: the prompt (messages, or embedding input) and the answer text. */
  private Usage estimate(ObjectNode body, String completion) {
    int prompt =
        body.has("messages")
            ? counter.countMessages(body.get("messages"))
            : countInput(body.path("input"));
    return new Usage(prompt, counter.countText(completion), Usage.Source.ESTIMATED);
  }

  private int countInput(JsonNode input) {
    if (input.isTextual()) {
      return counter.countText(input.asText());
    }
    int total = 0;
    for (JsonNode item : input) {
      total +=
          item.isTextual() ? counter.countText(item.asText()) : item.isArray() ? item.size() : 1;
    }
    return total;
  }

  private static String completionText(JsonNode response) {
    StringBuilder text = new StringBuilder();
    for (JsonNode choice : response.path("choices")) {
      text.append(choice.path("message").path("content").asText(""));
    }
    return text.toString();
  }

  private static long nanosUntil(Instant deadline) {
    try {
      return Duration.between(Instant.now(), deadline).toNanos();
    } catch (ArithmeticException e) {
      return deadline.isBefore(Instant.now()) ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
    }
  }

  private static void check(
      List<Tier> chain,
      Function<Tier, ObjectNode> requestFor,
      Instant deadline,
      Cancellation cancel) {
    if (chain == null || chain.isEmpty()) {
      throw new IllegalArgumentException("fallback chain: expected at least one tier, found none");
    }
    Objects.requireNonNull(requestFor, "request");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(cancel, "cancel");
  }

  @Override
  public CircuitState circuitState(String tier) {
    return breakers.state(tier);
  }

  @Override
  public Map<String, CircuitState> circuitStates() {
    return breakers.states();
  }

  @Override
  public TokenCounter tokenCounter() {
    return counter;
  }

  @Override
  public void close() {
    caller.close();
  }
}
