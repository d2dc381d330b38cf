package dev.scalpel.upstream.stub;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.scalpel.upstream.OpenAiError;
import io.javalin.http.Context;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** How the stub answers with an error, acts out a fault, or drops a connection. */
final class StubResponses {
  private StubResponses() {}

  static void error(Context ctx, int status, OpenAiError error) {
    ctx.status(status).contentType("application/json").result(error.toJson().toString());
  }

  static void invalidRequest(Context ctx, String message, String param) {
    error(ctx, 400, new OpenAiError(message, "invalid_request_error", param, ""));
  }

  /**
   * Acts out {@code fault} if it ends the request here; returns false when the request goes on
   * (after a hang, or for a stream break, which the answer itself performs).
   */
  static boolean act(Context ctx, Fault fault, ArmedFaults faults, String retryAfter)
      throws InterruptedException {
    switch (fault) {
      case CONNECTION_RESET -> abort(ctx);
      case SERVER_ERROR ->
          error(
              ctx, 500, new OpenAiError("The stub had an internal error.", "server_error", "", ""));
      case SERVICE_UNAVAILABLE ->
          error(
              ctx,
              503,
              new OpenAiError("The stub is overloaded; try again later.", "server_error", "", ""));
      case RATE_LIMITED -> {
        ctx.header("Retry-After", retryAfter);
        error(
            ctx,
            429,
            new OpenAiError(
                "Rate limit reached for stub-model; try again in " + retryAfter + "s.",
                "requests",
                "",
                "rate_limit_exceeded"));
      }
      case MALFORMED_BODY ->
          ctx.status(200)
              .contentType("application/json")
              .result("{\"id\": \"chatcmpl-broken\", \"choices\": [");
      case HANG -> {
        if (!faults.sleep(faults.hangFor())) {
          abort(ctx);
          return true;
        }
        return false;
      }
      case CONTEXT_LENGTH_EXCEEDED ->
          error(
              ctx,
              400,
              new OpenAiError(
                  "This model's maximum context length is 8192 tokens. However, your messages"
                      + " resulted in 9000 tokens. Please reduce the length of the messages.",
                  "invalid_request_error",
                  "messages",
                  "context_length_exceeded"));
      case STREAM_BREAK -> {
        return false;
      }
    }
    return true;
  }

  /** Sends a full Content-Length but only half the body, then drops the connection. */
  static void truncated(Context ctx, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    ctx.res().setStatus(200);
    ctx.res().setContentType("application/json");
    ctx.res().setContentLength(bytes.length);
    ctx.res().getOutputStream().write(bytes, 0, bytes.length / 2);
    ctx.res().getOutputStream().flush();
    abort(ctx);
  }

  /** Closes the TCP connection at once: the client sees a reset or an early end of stream. */
  static void abort(Context ctx) {
    ServletContextRequest.getServletContextRequest(ctx.req())
        .getServletChannel()
        .getEndPoint()
        .close();
  }
}
