package dev.scalpel.gateway.escalation;

import dev.scalpel.upstream.Cancellation;
import java.time.Instant;
import java.util.Set;

/**
 * The generalist LLMs behind the gateway: the tiers of the fallback chain, as the request handler
 * needs them. Every call takes the request's deadline and a cancellation the handler triggers when
 * the client goes away.
 */
public interface Generalist {
  /** Model names (and tier names) a client may ask for directly, bypassing routing. */
  Set<String> passthroughModels();

  /**
   * Completes {@code body} through the fallback chain, starting at {@code firstTier} (empty: the
   * configured chain; a pass-through model name: that tier alone first).
   */
  GeneralistResult complete(Outbound body, String firstTier, Instant deadline, Cancellation cancel);

  /** Streams {@code body}'s completion, handing each chunk's JSON to {@code sink} as it arrives. */
  GeneralistResult stream(
      Outbound body, String firstTier, Instant deadline, Cancellation cancel, ChunkSink sink);

  /** Passes an embeddings request to the tiers serving {@code model}. */
  GeneralistResult embed(Outbound body, String model, Instant deadline, Cancellation cancel);

  /**
   * The most a call could cost: these tokens at the prices of the dearest tier of the chain that
   * {@code firstTier} starts (what a budget reservation holds).
   */
  double maxCost(String firstTier, long tokensIn, long tokensOut);

  /** What the default generalist would have charged for these tokens (the counterfactual cost). */
  double counterfactualCost(long tokensIn, long tokensOut);

  /** Receives stream chunks (the JSON of one {@code data:} line). */
  @FunctionalInterface
  interface ChunkSink {
    void chunk(String json);
  }
}
