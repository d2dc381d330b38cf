package dev.scalpel.upstream.stub;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code POST /v1/chat/completions}: a completion, or an SSE stream flushed chunk by chunk. */
final class ChatHandler {
  private static final byte[] DONE = "data: [DONE]\n\n".getBytes(UTF_8);

  private final ChatReplies replies;
  private final ArmedFaults faults;
  private final String model;
  private final AtomicInteger abandoned = new AtomicInteger();

  ChatHandler(ChatReplies replies, ArmedFaults faults, String model) {
    this.replies = replies;
    this.faults = faults;
    this.model = model;
  }

  /** Streams whose client went away before the end. */
  int abandonedStreams() {
    return abandoned.get();
  }

  void answer(Context ctx, JsonNode request, boolean breakStream) throws Exception {
    JsonNode messages = request.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      StubResponses.invalidRequest(
          ctx, "'messages' must be a non-empty array of messages.", "messages");
      return;
    }
    ChatReplies.Reply reply = replies.reply(request, model);
    if (!request.path("stream").asBoolean(false)) {
      String body = replies.completion(reply).toString();
      if (breakStream) {
        StubResponses.truncated(ctx, body);
      } else {
        ctx.status(200).contentType("application/json").result(body);
      }
      return;
    }
    boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
    stream(ctx, replies.chunks(reply, includeUsage), breakStream);
  }

  private void stream(Context ctx, List<String> chunks, boolean breakStream) throws Exception {
    ctx.res().setStatus(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setHeader("Cache-Control", "no-cache");
    ServletOutputStream out = ctx.res().getOutputStream();
    int breakAfter = breakStream ? faults.streamBreakAfter() : Integer.MAX_VALUE;
    try {
      out.flush(); // headers go out now, as a real server's do
      for (int i = 0; i < chunks.size(); i++) {
        if (i == breakAfter) {
          StubResponses.abort(ctx);
          return;
        }
        if (i > 0 && !faults.sleep(faults.chunkDelay())) {
          StubResponses.abort(ctx);
          return;
        }
        out.write(("data: " + chunks.get(i) + "\n\n").getBytes(UTF_8));
        out.flush(); // one TCP write per chunk: the client sees each at once
      }
      if (breakStream) {
        StubResponses.abort(ctx); // every chunk went out, but [DONE] never comes
        return;
      }
      out.write(DONE);
      out.flush();
    } catch (IOException e) {
      abandoned.incrementAndGet();
      StubResponses.abort(ctx);
    }
  }
}
