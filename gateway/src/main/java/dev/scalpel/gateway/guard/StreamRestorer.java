package dev.scalpel.gateway.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Puts the originals back into a streamed answer, chunk by chunk. A placeholder may arrive split
 * over several chunks ({@code "[EMAIL"}, {@code "_1]"}), so text from an unclosed {@code [} on is
 * held back until the bracket closes, the hold grows past any placeholder's length, or the choice
 * finishes. Not thread-safe: one stream.
 */
public final class StreamRestorer implements UnaryOperator<String> {
  // Longer than any placeholder Scalpel issues ("[CREDIT_CARD_123]").
  private static final int MAX_HOLD = 32;

  private final Guarded guarded;
  private final Map<Integer, StringBuilder> held = new HashMap<>();

  public StreamRestorer(Guarded guarded) {
    this.guarded = guarded;
  }

  /** The chunk's JSON with restored content; other data lines pass unchanged. */
  @Override
  public String apply(String json) {
    JsonNode chunk;
    try {
      chunk = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return json;
    }
    if (chunk == null || !chunk.path("choices").isArray() || chunk.path("choices").isEmpty()) {
      return json;
    }
    for (JsonNode choice : chunk.get("choices")) {
      JsonNode delta = choice.get("delta");
      if (!(delta instanceof ObjectNode d)) {
        continue;
      }
      int index = choice.path("index").asInt(0);
      String content = d.path("content").isTextual() ? d.get("content").asText() : "";
      boolean finished = choice.hasNonNull("finish_reason");
      String out = feed(index, content, finished);
      if (d.path("content").isTextual() || !out.isEmpty()) {
        d.put("content", out);
      }
    }
    return chunk.toString();
  }

  private String feed(int index, String content, boolean finished) {
    StringBuilder buffer = held.computeIfAbsent(index, i -> new StringBuilder()).append(content);
    int cut = buffer.length();
    int open = buffer.lastIndexOf("[");
    if (!finished
        && open >= 0
        && buffer.indexOf("]", open) < 0
        && buffer.length() - open < MAX_HOLD) {
      cut = open;
    }
    String ready = guarded.restore(buffer.substring(0, cut));
    buffer.delete(0, cut);
    return ready;
  }
}
