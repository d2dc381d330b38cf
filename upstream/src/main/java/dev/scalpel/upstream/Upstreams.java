package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Calls OpenAI-compatible upstreams over an ordered fallback chain of {@link Tier}s, applying
 * Scalpel's fault table: connection errors, 5xx, malformed bodies and timeouts are retried on the
 * same tier with backoff, then the next tier is tried; 429 moves to the next tier; other 4xx end
 * the call (the request is at fault); a tier whose circuit is open is skipped; a stream that breaks
 * after chunks were handed over is not retried. Every attempt is bounded by {@code deadline}.
 *
 * <p>The request body (one for all tiers, or one per tier) is sent unchanged except {@code model},
 * set to the tier's model (the caller's nodes are not modified). Create one instance at start,
 * share it, close it at shutdown.
 */
public interface Upstreams extends AutoCloseable {
  static Builder builder() {
    return new Builder();
  }

  /**
   * A non-streaming {@code POST /chat/completions}.
   *
   * @throws IllegalArgumentException if {@code chain} is empty or {@code request} asks to stream
   */
  default UpstreamOutcome complete(
      List<Tier> chain, ObjectNode request, Instant deadline, Cancellation cancel) {
    return complete(chain, tier -> request, deadline, cancel);
  }

  /**
   * A non-streaming {@code POST /chat/completions} whose body may differ per tier (for example the
   * raw request for an on-premises tier, a redacted one for a hosted tier).
   *
   * @throws IllegalArgumentException if {@code chain} is empty or a request asks to stream
   */
  UpstreamOutcome complete(
      List<Tier> chain,
      Function<Tier, ObjectNode> requestFor,
      Instant deadline,
      Cancellation cancel);

  /**
   * A streaming {@code POST /chat/completions} ({@code stream} is set to true); chunks go to {@code
   * sink} as they arrive.
   *
   * @throws IllegalArgumentException if {@code chain} is empty
   */
  default UpstreamOutcome stream(
      List<Tier> chain, ObjectNode request, Instant deadline, Cancellation cancel, ChunkSink sink) {
    return stream(chain, tier -> request, deadline, cancel, sink);
  }

  /** A streaming {@code POST /chat/completions} whose body may differ per tier. */
  UpstreamOutcome stream(
      List<Tier> chain,
      Function<Tier, ObjectNode> requestFor,
      Instant deadline,
      Cancellation cancel,
      ChunkSink sink);

  /**
   * A {@code POST /embeddings}.
   *
   * @throws IllegalArgumentException if {@code chain} is empty
   */
  default UpstreamOutcome embed(
      List<Tier> chain, ObjectNode request, Instant deadline, Cancellation cancel) {
    return embed(chain, tier -> request, deadline, cancel);
  }

  /** A {@code POST /embeddings} whose body may differ per tier. */
  UpstreamOutcome embed(
      List<Tier> chain,
      Function<Tier, ObjectNode> requestFor,
      Instant deadline,
      Cancellation cancel);

  /** The state of the named tier's circuit ({@code CLOSED} for a tier never called). */
  CircuitState circuitState(String tier);

  /** The state of every tier called so far, by name. */
  Map<String, CircuitState> circuitStates();

  /** The counter used to estimate usage that an upstream did not report. */
  TokenCounter tokenCounter();

  /** Closes the HTTP clients; calls in flight fail. */
  @Override
  void close();

  /** Builds {@link Upstreams}; every setting has a sensible default. */
  final class Builder {
    private Function<String, String> environment = System::getenv;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private BreakerSettings breakerSettings = BreakerSettings.defaults();
    private TokenCounter tokenCounter;

    private Builder() {}

    /** Where API keys are looked up by variable name (default {@link System#getenv(String)}). */
    public Builder environment(Function<String, String> lookup) {
      this.environment = Objects.requireNonNull(lookup, "environment");
      return this;
    }

    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    public Builder breakerSettings(BreakerSettings settings) {
      this.breakerSettings = Objects.requireNonNull(settings, "breakerSettings");
      return this;
    }

    /** The counter for usage estimates (default {@link TokenCounter#create()}). */
    public Builder tokenCounter(TokenCounter counter) {
      this.tokenCounter = Objects.requireNonNull(counter, "tokenCounter");
      return this;
    }

    public Upstreams build() {
      TokenCounter counter = tokenCounter == null ? TokenCounter.create() : tokenCounter;
      return new FallbackChain(
          HttpCaller.create(environment), Breakers.create(breakerSettings), retryPolicy, counter);
    }
  }
}
