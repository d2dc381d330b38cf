package dev.scalpel.gateway.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.knowledge.Source;
import java.util.ArrayList;
import java.util.List;

/** Builds OpenAI chat-completion responses and stream chunks for answers Scalpel writes itself. */
final class Completions {
  private Completions() {}

  static ObjectNode completion(
      String id,
      long created,
      String model,
      String content,
      long promptTokens,
      long completionTokens) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("id", id).put("object", "chat.completion").put("created", created).put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    root.set("usage", usage(promptTokens, completionTokens));
    return root;
  }

  /**
   * The chunks of a streamed answer: role, content pieces (word by word), the finish chunk, then
   * usage if asked.
   */
  static List<ObjectNode> chunks(
      String id,
      long created,
      String model,
      String content,
      boolean includeUsage,
      long promptTokens,
      long completionTokens) {
    List<ObjectNode> chunks = new ArrayList<>();
    chunks.add(
        chunk(id, created, model, delta("role", "assistant", "content", ""), null, includeUsage));
    for (String piece : pieces(content)) {
      chunks.add(chunk(id, created, model, delta("content", piece), null, includeUsage));
    }
    chunks.add(chunk(id, created, model, Json.mapper().createObjectNode(), "stop", includeUsage));
    if (includeUsage) {
      ObjectNode last = base(id, created, model);
      last.putArray("choices");
      last.set("usage", usage(promptTokens, completionTokens));
      chunks.add(last);
    }
    return chunks;
  }

  /**
   * Adds Scalpel's extension field, {@code "scalpel": {"sources": [{"id", "source", "title"}]}}:
   * the knowledge-base passages an answer or its grounding came from. OpenAI clients ignore unknown
   * fields; nothing is added when there are no sources.
   */
  static void addSources(ObjectNode node, List<Source> sources) {
    if (sources.isEmpty()) {
      return;
    }
    ArrayNode list = node.putObject("scalpel").putArray("sources");
    for (Source s : sources) {
      list.addObject().put("id", s.id()).put("source", s.source()).put("title", s.title());
    }
  }

  static ObjectNode usage(long prompt, long completion) {
    return Json.mapper()
        .createObjectNode()
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", prompt + completion);
  }

  private static ObjectNode chunk(
      String id,
      long created,
      String model,
      ObjectNode delta,
      String finish,
      boolean includeUsage) {
    ObjectNode root = base(id, created, model);
    ArrayNode choices = root.putArray("choices");
    ObjectNode choice = choices.addObject();
    choice.put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    if (includeUsage) {
      root.putNull("usage");
    }
    return root;
  }

  private static ObjectNode base(String id, long created, String model) {
    return Json.mapper()
        .createObjectNode()
        .put("id", id)
        .put("object", "chat.completion.chunk")
        .put("created", created)
        .put("model", model);
  }

  private static ObjectNode delta(String... keyValues) {
    ObjectNode delta = Json.mapper().createObjectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      delta.put(keyValues[i], keyValues[i + 1]);
    }
    return delta;
  }

  private static List<String> pieces(String content) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= content.length(); i++) {
      if (i == content.length() || content.charAt(i) == ' ') {
        pieces.add(content.substring(start, i));
        start = i;
      }
    }
    return pieces;
  }
}
