package dev.scalpel.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.io.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes JSON bodies and server-sent events, flushing every event so that clients see chunks as
 * they come.
 */
final class ResponseWriter {
  void json(Context ctx, int status, JsonNode body) {
    ctx.status(status).contentType("application/json");
    ctx.result(bytes(body));
  }

  void error(Context ctx, ApiException e) {
    if (!e.retryAfter().isEmpty()) {
      ctx.header("Retry-After", e.retryAfter());
    }
    json(ctx, e.status(), OpenAiErrors.body(e));
  }

  /** Starts an SSE response; headers set before this call are sent with it. */
  void startEvents(Context ctx) {
    ctx.status(200);
    ctx.res().setContentType("text/event-stream; charset=utf-8");
    ctx.res().setHeader("Cache-Control", "no-cache");
    ctx.res().setHeader("X-Accel-Buffering", "no");
  }

  /** Writes one {@code data:} event and flushes; an IOException means the client went away. */
  void event(Context ctx, String data) {
    try {
      OutputStream out = ctx.res().getOutputStream();
      out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("client disconnected", e);
    }
  }

  /**
   * An SSE {@code error} event carrying an OpenAI error object, for failures after bytes were sent.
   */
  void errorEvent(Context ctx, ApiException e) {
    try {
      OutputStream out = ctx.res().getOutputStream();
      out.write(
          ("event: error\ndata: "
                  + new String(bytes(OpenAiErrors.body(e)), StandardCharsets.UTF_8)
                  + "\n\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException ignored) {
      // The client is gone; the request is accounted as failed either way.
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return Json.mapper().writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a JSON tree", e);
    }
  }
}
