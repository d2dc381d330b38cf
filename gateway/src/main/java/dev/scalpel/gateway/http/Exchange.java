package dev.scalpel.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.access.KeyInfo;
import dev.scalpel.gateway.escalation.GeneralistResult;
import dev.scalpel.knowledge.Source;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One request in flight: what is known about it so far (for accounting) and the response it will
 * get. Non-streamed responses and the end of streams are held back until the request has been
 * accounted.
 */
final class Exchange {
  final Context ctx;
  final Instant started = Instant.now();
  final String requestId = "req_" + UUID.randomUUID().toString().replace("-", "");
  private final ResponseWriter writer;
  private final List<Runnable> pending = new ArrayList<>();

  KeyInfo key;
  String keyName = "";
  ChatRequest request;
  long promptTokens;
  Route route = Route.REJECTED;
  String specialist = "";
  String modelVersion = "";
  String label = "";
  Double confidence;
  String tier = "";
  String upstreamModel = "";
  long tokensIn;
  long tokensOut;
  double costUsd;
  double counterfactualUsd;
  int status = 200;
  String error = "";
  String reason = "";
  String storedText = "";
  List<Source> sources = List.of();
  String conversation = "";
  private boolean streamStarted;

  Exchange(Context ctx, ResponseWriter writer) {
    this.ctx = ctx;
    this.writer = writer;
    ctx.header("x-scalpel-request-id", requestId);
  }

  void verdict(String specialistName, String verdictLabel, double verdictConfidence) {
    this.specialist = specialistName;
    this.label = verdictLabel;
    this.confidence = specialistName.isEmpty() ? null : verdictConfidence;
  }

  /** Scalpel writes the answer itself (local template or hand-off reply). */
  void answer(String content, long completionTokens) {
    tokensIn = promptTokens;
    tokensOut = completionTokens;
    String id = "chatcmpl-" + requestId.substring(4);
    long created = started.getEpochSecond();
    String model = request.model();
    setRouteHeaders();
    if (request.stream()) {
      List<ObjectNode> chunks =
          Completions.chunks(
              id, created, model, content, request.includeUsage(), promptTokens, completionTokens);
      chunks.stream()
          .filter(c -> c.path("choices").path(0).hasNonNull("finish_reason"))
          .forEach(c -> Completions.addSources(c, sources));
      pending.add(() -> {
        writer.startEvents(ctx);
        for (ObjectNode chunk : chunks) {
          writer.event(ctx, new String(ResponseWriter.bytes(chunk), StandardCharsets.UTF_8));
        }
        writer.event(ctx, "[DONE]");
      });
    } else {
      ObjectNode body =
          Completions.completion(id, created, model, content, promptTokens, completionTokens);
      Completions.addSources(body, sources);
      pending.add(() -> writer.json(ctx, 200, body));
    }
  }

  /**
   * A generalist answered: who, with how many tokens, at what cost, and what it would have cost.
   */
  void upstream(GeneralistResult.Answered answered, double counterfactual) {
    this.tier = answered.tier();
    this.upstreamModel = answered.model();
    this.tokensIn = answered.tokensIn();
    this.tokensOut = answered.tokensOut();
    this.costUsd = answered.costUsd();
    this.counterfactualUsd = counterfactual;
  }

  void upstreamBody(ObjectNode body) {
    Completions.addSources(body, sources);
    setRouteHeaders();
    pending.add(() -> writer.json(ctx, 200, body));
  }

  /** Forwards one upstream chunk, starting the event stream on the first. */
  void streamChunk(String json) {
    if (!streamStarted) {
      streamStarted = true;
      setRouteHeaders();
      writer.startEvents(ctx);
    }
    if (!"[DONE]".equals(json)) {
      writer.event(ctx, json);
    }
  }

  void endStream() {
    if (!streamStarted) {
      setRouteHeaders();
      writer.startEvents(ctx);
      streamStarted = true;
    }
    pending.add(() -> writer.event(ctx, "[DONE]"));
  }

  void streamError(ApiException e) {
    status = 502;
    error = e.getMessage();
    pending.add(() -> writer.errorEvent(ctx, e));
  }

  /**
   * The client went away before the answer was complete: nothing more is sent, the row says 499.
   */
  void clientGone() {
    status = 499;
    error = "the client closed the connection";
    pending.clear();
  }

  void fail(ApiException e, Route failedRoute) {
    route = failedRoute;
    status = e.status();
    error = e.getMessage();
    pending.clear();
    if (route != Route.REJECTED) {
      setRouteHeaders();
    } else {
      ctx.header("x-scalpel-route", route.wireName());
    }
    pending.add(() -> writer.error(ctx, e));
  }

  /** Sends what was held back; a client that went away meanwhile is not an error of ours. */
  void flushPending() {
    try {
      pending.forEach(Runnable::run);
    } catch (UncheckedIOException clientGone) {
      // Already accounted; nothing more to tell a disconnected client.
    }
  }

  Served served() {
    return new Served(
        requestId,
        started,
        keyName,
        route,
        specialist,
        modelVersion,
        label,
        confidence,
        tier,
        upstreamModel,
        tokensIn,
        tokensOut,
        costUsd,
        counterfactualUsd,
        java.time.Duration.between(started, Instant.now()),
        status,
        error,
        storedText,
        reason,
        conversation);
  }

  private void setRouteHeaders() {
    ctx.header("x-scalpel-route", route.wireName());
    if (route != Route.PASSTHROUGH && !specialist.isEmpty() && confidence != null) {
      ctx.header("x-scalpel-specialist", specialist);
      ctx.header("x-scalpel-confidence", String.format(Locale.ROOT, "%.4f", confidence));
    }
  }
}
