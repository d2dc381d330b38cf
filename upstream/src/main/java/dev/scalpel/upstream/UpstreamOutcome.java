package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a call over a fallback chain came to. Handle it with an exhaustive {@code switch}:
 *
 * <ul>
 *   <li>{@link Completed}: answer the client with {@code response} (non-streaming), or end the
 *       stream normally (the sink already got every chunk and {@code [DONE]}).
 *   <li>{@link Failed}: nothing reached the client yet; send {@code status} with {@code
 *       error.toJson()} (and {@code Retry-After} when not empty).
 *   <li>{@link StreamBroken}: chunks already reached the client; send an SSE {@code error} event
 *       with {@code error.toJson()} and close the stream.
 *   <li>{@link Cancelled}: the client went away (or the thread was interrupted); send nothing.
 * </ul>
 *
 * Every variant lists its {@link Attempt}s in order, for the request log.
 */
public sealed interface UpstreamOutcome {
  /** Every attempt and circuit-open skip, in order. */
  List<Attempt> attempts();

  /** How many times an upstream was actually called. */
  default int calls() {
    return (int) attempts().stream().filter(Attempt::called).count();
  }

  /** Names of the tiers actually called, in order, without repeats. */
  default List<String> tiersTried() {
    return attempts().stream().filter(Attempt::called).map(Attempt::tier).distinct().toList();
  }

  /**
   * {@code tier} answered. {@code response} is the upstream's JSON (for a stream, a {@code
   * chat.completion} assembled from the chunks' text, finish reason and usage).
   */
  record Completed(Tier tier, JsonNode response, Usage usage, List<Attempt> attempts)
      implements UpstreamOutcome {
    public Completed {
      attempts = List.copyOf(attempts);
    }

    /** The cost in USD at the tier's prices. */
    public double cost() {
      return tier.prices().cost(usage);
    }
  }

  /**
   * No tier answered and no byte reached the client. {@code status} is the HTTP status for the
   * client; {@code retryAfter} the upstream's Retry-After value (empty unless rate limited).
   */
  record Failed(
      FailureKind kind, int status, OpenAiError error, String retryAfter, List<Attempt> attempts)
      implements UpstreamOutcome {
    public Failed {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException(
            "failed outcome status: expected 400 to 599, found " + status);
      }
      retryAfter = retryAfter == null ? "" : retryAfter;
      attempts = List.copyOf(attempts);
    }
  }

  /**
   * {@code tier}'s stream failed after {@code chunksSent} chunks were handed to the sink. {@code
   * usage} estimates what was consumed up to the break (the upstream bills it).
   */
  record StreamBroken(
      Tier tier, int chunksSent, Usage usage, OpenAiError error, List<Attempt> attempts)
      implements UpstreamOutcome {
    public StreamBroken {
      attempts = List.copyOf(attempts);
    }
  }

  /** The caller cancelled; whatever was in flight was stopped. */
  record Cancelled(List<Attempt> attempts) implements UpstreamOutcome {
    public Cancelled {
      attempts = List.copyOf(attempts);
    }
  }
}
