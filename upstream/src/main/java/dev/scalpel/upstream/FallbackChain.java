package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
      List<Tier> chain, ObjectNode request, Instant deadline, Cancellation cancel) {
    check(chain, request, deadline, cancel);
    if (request.path("stream").asBoolean(false)) {
      throw new IllegalArgumentException(
          "complete(): expected a request without \"stream\": true, found one; use stream()");
    }
    ObjectNode body = request.deepCopy();
    return run(
        chain,
        deadline,
        cancel,
        (tier, timeout, deadlineNanos) ->
            caller.exchange(
                tier, Endpoint.CHAT_COMPLETIONS, withModel(body, tier), timeout, cancel),
        body);
  }

  @Override
  public UpstreamOutcome stream(
      List<Tier> chain, ObjectNode request, Instant deadline, Cancellation cancel, ChunkSink sink) {
    check(chain, request, deadline, cancel);
    Objects.requireNonNull(sink, "sink");
    ObjectNode body = request.deepCopy();
    body.put("stream", true);
    return run(
        chain,
        deadline,
        cancel,
        (tier, timeout, deadlineNanos) ->
            caller.stream(tier, withModel(body, tier), timeout, deadlineNanos, cancel, sink),
        body);
  }

  @Override
  public UpstreamOutcome embed(
      List<Tier> chain, ObjectNode request, Instant deadline, Cancellation cancel) {
    check(chain, request, deadline, cancel);
    ObjectNode body = request.deepCopy();
    return run(
        chain,
        deadline,
        cancel,
        (tier, timeout, deadlineNanos) ->
            caller.exchange(tier, Endpoint.EMBEDDINGS, withModel(body, tier), timeout, cancel),
        body);
  }

  private UpstreamOutcome run(
      List<Tier> chain,
      Instant deadline,
      Cancellation cancel,
      ChainRun.Attempter attempter,
      ObjectNode body) {
    long deadlineNanos = System.nanoTime() + nanosUntil(deadline);
    ChainRun.Finisher finisher =
        new ChainRun.Finisher() {
          @Override
          public UpstreamOutcome completed(Tier tier, CallResult.Ok ok, List<Attempt> attempts) {
            Usage usage =
                Usage.reportedIn(ok.response())
                    .orElseGet(() -> estimate(body, completionText(ok.response())));
            return new UpstreamOutcome.Completed(tier, ok.response(), usage, attempts);
          }

          @Override
          public UpstreamOutcome broken(
              Tier tier, CallResult.Broken broken, List<Attempt> attempts) {
            return new UpstreamOutcome.StreamBroken(
                tier,
                broken.chunksSent(),
                estimate(body, broken.partialText()),
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

  /** Sets the tier's model on the call's private copy; attempts run one after another. */
  private static ObjectNode withModel(ObjectNode body, Tier tier) {
    body.put("model", tier.model());
    return body;
  }

  private static long nanosUntil(Instant deadline) {
    try {
      return Duration.between(Instant.now(), deadline).toNanos();
    } catch (ArithmeticException e) {
      return deadline.isBefore(Instant.now()) ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
    }
  }

  private static void check(
      List<Tier> chain, ObjectNode request, Instant deadline, Cancellation cancel) {
    if (chain == null || chain.isEmpty()) {
      throw new IllegalArgumentException("fallback chain: expected at least one tier, found none");
    }
    Objects.requireNonNull(request, "request");
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
