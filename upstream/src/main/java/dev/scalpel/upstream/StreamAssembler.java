package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds {@code chat.completion.chunk}s into the {@code chat.completion} they amount to: text
 * content and finish reason per choice, and the usage of the last chunk that reports one. Tool-call
 * deltas are not assembled.
 */
final class StreamAssembler {
  private final Map<Integer, StringBuilder> content = new TreeMap<>();
  private final Map<Integer, String> finishReasons = new TreeMap<>();
  private JsonNode first;
  private JsonNode usage;

  void add(JsonNode chunk) {
    if (first == null) {
      first = chunk;
    }
    if (chunk.path("usage").isObject()) {
      usage = chunk.get("usage");
    }
    for (JsonNode choice : chunk.path("choices")) {
      int index = choice.path("index").asInt(0);
      StringBuilder text = content.computeIfAbsent(index, i -> new StringBuilder());
      JsonNode delta = choice.path("delta").path("content");
      if (delta.isTextual()) {
        text.append(delta.asText());
      }
      if (choice.path("finish_reason").isTextual()) {
        finishReasons.put(index, choice.path("finish_reason").asText());
      }
    }
  }

  /** Whether some choice has a finish reason: the answer is complete even without [DONE]. */
  boolean finished() {
    return !finishReasons.isEmpty();
  }

  /** All text content so far, choices concatenated. */
  String text() {
    StringBuilder all = new StringBuilder();
    content.values().forEach(all::append);
    return all.toString();
  }

  ObjectNode response() {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    JsonNode head = first == null ? JsonNodeFactory.instance.objectNode() : first;
    response.set("id", head.path("id").isMissingNode() ? null : head.get("id"));
    response.put("object", "chat.completion");
    response.set("created", head.path("created").isMissingNode() ? null : head.get("created"));
    response.set("model", head.path("model").isMissingNode() ? null : head.get("model"));
    ArrayNode choices = response.putArray("choices");
    content.forEach((index, text) -> {
      ObjectNode choice = choices.addObject();
      choice.put("index", index);
      ObjectNode message = choice.putObject("message");
      message.put("role", "assistant");
      message.put("content", text.toString());
      String reason = finishReasons.get(index);
      if (reason == null) {
        choice.putNull("finish_reason");
      } else {
        choice.put("finish_reason", reason);
      }
    });
    if (usage != null) {
      response.set("usage", usage);
    }
    return response;
  }
}
