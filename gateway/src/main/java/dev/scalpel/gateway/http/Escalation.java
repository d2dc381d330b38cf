package dev.scalpel.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.access.Budget;
import dev.scalpel.gateway.access.Reservation;
import dev.scalpel.gateway.cache.ResponseCache;
import dev.scalpel.gateway.escalation.Generalist;
import dev.scalpel.gateway.escalation.GeneralistResult;
import dev.scalpel.gateway.escalation.Outbound;
import dev.scalpel.gateway.guard.Guarded;
import dev.scalpel.gateway.guard.StreamRestorer;
import dev.scalpel.gateway.metrics.GatewayMetrics;
import dev.scalpel.upstream.Cancellation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends a routed or passed-through request to the generalists and puts their answer into the
 * exchange: the response cache first, then the key's budget reserved, the call (streamed or not,
 * originals restored into the answer), the reservation settled and the tokens charged to the key's
 * rate limits.
 */
final class Escalation {
  /**
   * The most completion tokens a request of a key with a budget may ask an upstream for: its {@code
   * max_tokens} is capped to this (or set, when absent), so that the reservation made before the
   * call bounds what the call can cost.
   */
  static final int BUDGETED_MAX_COMPLETION_TOKENS = 4096;

  private final Generalist generalist;
  private final Admission admission;
  private final ResponseCache cache;
  private final GatewayMetrics metrics;
  private final boolean restore;

  Escalation(
      Generalist generalist,
      Admission admission,
      ResponseCache cache,
      GatewayMetrics metrics,
      boolean restore) {
    this.generalist = generalist;
    this.admission = admission;
    this.cache = cache;
    this.metrics = metrics;
    this.restore = restore;
  }

  /** Escalates; returns the tier that answered, if one did. */
  Optional<String> escalate(
      Exchange exchange, Guarded guarded, Outbound body, String firstTier, Instant deadline) {
    Generalist g = generalist;
    // A streamed answer notices a departed client when a chunk cannot be written; a non-streamed
    // one runs to its end (HTTP/1.1 gives no sign of a closed connection until the gateway
    // writes), bounded by the request deadline.
    Cancellation cancel = Cancellation.create();
    Generalist.ChunkSink sink = exchange::streamChunk;
    if (restore && guarded.hasPii()) {
      StreamRestorer restorer = new StreamRestorer(guarded);
      sink = json -> exchange.streamChunk(restorer.apply(json));
    }
    // A key without a budget holds nothing, so the bound only matters for keys with one, whose
    // requests are capped to it.
    long completionTokens =
        Math.min(requestedCompletionTokens(body.raw()), BUDGETED_MAX_COMPLETION_TOKENS);
    Outbound capped =
        exchange.key.budget() instanceof Budget.Limited
            ? body.map(Escalation::capCompletion)
            : body;
    // The raw request is the key: two requests share an answer only if they are the same.
    Optional<String> cacheKey =
        exchange.request.stream() ? Optional.empty() : cache.key(capped.raw(), firstTier);
    Optional<ResponseCache.Cached> hit = cacheKey.flatMap(cache::get);
    if (hit.isPresent()) {
      answerFromCache(exchange, guarded, g, hit.get());
      return Optional.of(hit.get().tier());
    }
    Reservation reservation =
        admission.reserve(
            exchange.key, g.maxCost(firstTier, exchange.promptTokens, completionTokens));
    GeneralistResult result;
    try {
      result =
          exchange.request.stream()
              ? g.stream(capped, firstTier, deadline, cancel, sink)
              : g.complete(capped, firstTier, deadline, cancel);
    } catch (RuntimeException e) {
      reservation.release();
      throw e;
    }
    settle(reservation, result);
    if (result instanceof GeneralistResult.Answered answered) {
      admission.charge(
          exchange.key, answered.tokensOut() + answered.tokensIn() - exchange.promptTokens);
    }
    result.failedAttempts().forEach(f -> metrics.upstreamError(f.tier(), f.kind()));
    return switch (result) {
      case GeneralistResult.Answered answered -> {
        exchange.upstream(
            answered, g.counterfactualCost(answered.tokensIn(), answered.tokensOut()));
        if (answered.response() != null) {
          cacheKey.ifPresent(k ->
              cache.put(
                  k,
                  new ResponseCache.Cached(
                      answered.response(),
                      answered.tier(),
                      answered.model(),
                      answered.tokensIn(),
                      answered.tokensOut())));
          if (restore) {
            guarded.restoreCompletion(answered.response());
          }
          exchange.upstreamBody(answered.response());
        } else {
          exchange.endStream();
        }
        yield Optional.of(answered.tier());
      }
      case GeneralistResult.Failed failed -> {
        exchange.tier = failed.tier();
        if (failed.kind().equals(GeneralistResult.CANCELLED)) {
          exchange.clientGone();
        } else if (failed.kind().equals(GeneralistResult.PII_REFUSED)) {
          exchange.fail(failed.error(), Route.REJECTED);
        } else if (failed.bytesSent()) {
          exchange.streamError(failed.error());
        } else {
          exchange.fail(failed.error(), exchange.route);
        }
        yield Optional.empty();
      }
    };
  }

  /**
   * Passes an embeddings request through, its maximum cost reserved from the key's budget; a
   * pass-through embedding would have cost the same without Scalpel, so it saves nothing.
   */
  void embed(Exchange exchange, Outbound body, String model, long inputTokens, Instant deadline) {
    Reservation reservation =
        admission.reserve(exchange.key, generalist.maxCost(model, inputTokens, 0));
    GeneralistResult result;
    try {
      result = generalist.embed(body, model, deadline, Cancellation.create());
    } catch (RuntimeException e) {
      reservation.release();
      throw e;
    }
    settle(reservation, result);
    result.failedAttempts().forEach(f -> metrics.upstreamError(f.tier(), f.kind()));
    switch (result) {
      case GeneralistResult.Answered answered -> {
        exchange.upstream(answered, answered.costUsd());
        exchange.upstreamBody(answered.response());
      }
      case GeneralistResult.Failed failed -> {
        exchange.tier = failed.tier();
        if (failed.kind().equals(GeneralistResult.CANCELLED)) {
          exchange.clientGone();
        } else {
          exchange.fail(failed.error(), exchange.route);
        }
      }
    }
  }

  /** Answers from the cache: what the tier said before, at no cost, the saving accounted. */
  private void answerFromCache(
      Exchange exchange, Guarded guarded, Generalist g, ResponseCache.Cached cached) {
    exchange.tier = cached.tier();
    exchange.upstreamModel = cached.model();
    exchange.tokensIn = cached.tokensIn();
    exchange.tokensOut = cached.tokensOut();
    exchange.costUsd = 0;
    exchange.counterfactualUsd = g.counterfactualCost(cached.tokensIn(), cached.tokensOut());
    exchange.reason = exchange.reason.isEmpty() ? "cache hit" : exchange.reason + "; cache hit";
    exchange.ctx.header("x-scalpel-cache", "hit");
    if (restore) {
      guarded.restoreCompletion(cached.response());
    }
    exchange.upstreamBody(cached.response());
  }

  /** Ends a reservation exactly once: the cost of an answer, nothing for a failure. */
  private static void settle(Reservation reservation, GeneralistResult result) {
    switch (result) {
      case GeneralistResult.Answered answered -> reservation.settle(answered.costUsd());
      case GeneralistResult.Failed failed -> reservation.release();
    }
  }

  /** The completion tokens a request asks for at most, or a large number when it sets no limit. */
  private static long requestedCompletionTokens(ObjectNode body) {
    for (String field : List.of("max_completion_tokens", "max_tokens")) {
      if (body.path(field).canConvertToLong() && body.path(field).asLong() > 0) {
        return body.path(field).asLong();
      }
    }
    return Long.MAX_VALUE;
  }

  private static ObjectNode capCompletion(ObjectNode body) {
    String field = body.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
    long asked = body.path(field).canConvertToLong() ? body.path(field).asLong() : 0;
    if (asked <= 0 || asked > BUDGETED_MAX_COMPLETION_TOKENS) {
      body.put(field, BUDGETED_MAX_COMPLETION_TOKENS);
    }
    return body;
  }
}
