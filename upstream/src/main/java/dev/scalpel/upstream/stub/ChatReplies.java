package dev.scalpel.upstream.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.upstream.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The stub's deterministic answers in OpenAI's formats: by default "Stub answer to: " followed by
 * the last user message's text (or what {@link StubOptions#answer()} makes of the request), as a
 * {@code chat.completion} or as {@code chat.completion.chunk}s (one per word). {@code max_tokens}
 * or {@code max_completion_tokens} cut the answer to that many words, with finish reason {@code
 * length}.
 */
final class ChatReplies {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String FINGERPRINT = "fp_scalpel_stub";

  private final TokenCounter counter;
  private final Function<JsonNode, String> answer;
  private final AtomicLong ids = new AtomicLong();

  ChatReplies(TokenCounter counter, Function<JsonNode, String> answer) {
    this.counter = counter;
    this.answer = answer;
  }

  /** The default answer's text. */
  static String defaultAnswer(JsonNode request) {
    return "Stub answer to: " + lastUserText(request.path("messages"));
  }

  /** One answer: its words (the first without, the rest with a leading space) and usage. */
  record Reply(
      String id,
      long created,
      String model,
      List<String> words,
      String finishReason,
      int promptTokens,
      int completionTokens) {
    String text() {
      return String.join("", words);
    }
  }

  Reply reply(JsonNode request, String defaultModel) {
    String model = request.path("model").asText("");
    String[] all = answer.apply(request).split(" ", -1);
    int limit = request.path("max_completion_tokens").asInt(request.path("max_tokens").asInt(0));
    int kept = limit > 0 ? Math.min(limit, all.length) : all.length;
    List<String> words = new ArrayList<>();
    for (int i = 0; i < kept; i++) {
      words.add(i == 0 ? all[i] : " " + all[i]);
    }
    String text = String.join("", words);
    return new Reply(
        "chatcmpl-stub-" + ids.incrementAndGet(),
        System.currentTimeMillis() / 1000,
        model.isBlank() ? defaultModel : model,
        words,
        kept < all.length ? "length" : "stop",
        counter.countMessages(request.path("messages")),
        counter.countText(text));
  }

  ObjectNode completion(Reply reply) {
    ObjectNode root = head(reply, "chat.completion");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", reply.text());
    message.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", reply.finishReason());
    root.set("usage", usage(reply));
    return root;
  }

  /** The chunks' JSON texts: role, one per word, finish reason, and usage when asked for. */
  List<String> chunks(Reply reply, boolean includeUsage) {
    List<String> chunks = new ArrayList<>();
    ObjectNode role = NODES.objectNode().put("role", "assistant").put("content", "");
    chunks.add(chunk(reply, role, null, includeUsage).toString());
    for (String word : reply.words()) {
      chunks.add(
          chunk(reply, NODES.objectNode().put("content", word), null, includeUsage).toString());
    }
    chunks.add(chunk(reply, NODES.objectNode(), reply.finishReason(), includeUsage).toString());
    if (includeUsage) {
      ObjectNode last = head(reply, "chat.completion.chunk");
      last.putArray("choices");
      last.set("usage", usage(reply));
      chunks.add(last.toString());
    }
    return chunks;
  }

  private ObjectNode chunk(Reply reply, ObjectNode delta, String finish, boolean includeUsage) {
    ObjectNode root = head(reply, "chat.completion.chunk");
    ObjectNode choice = root.putArray("choices").addObject();
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

  private static ObjectNode head(Reply reply, String object) {
    ObjectNode root = NODES.objectNode();
    root.put("id", reply.id());
    root.put("object", object);
    root.put("created", reply.created());
    root.put("model", reply.model());
    root.put("system_fingerprint", FINGERPRINT);
    return root;
  }

  private static ObjectNode usage(Reply reply) {
    return NODES
        .objectNode()
        .put("prompt_tokens", reply.promptTokens())
        .put("completion_tokens", reply.completionTokens())
        .put("total_tokens", reply.promptTokens() + reply.completionTokens());
  }

  /** The text of the last user message (text parts joined by spaces). */
  static String lastUserText(JsonNode messages) {
    String text = "(no user message)";
    for (JsonNode message : messages) {
      if (!message.path("role").asText("").equals("user")) {
        continue;
      }
      JsonNode content = message.path("content");
      if (content.isTextual()) {
        text = content.asText();
      } else if (content.isArray()) {
        List<String> parts = new ArrayList<>();
        content.forEach(p -> parts.add(p.path("text").asText("")));
        text = String.join(" ", parts);
      }
    }
    return text;
  }
}
