package dev.scalpel.gateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scalpel.core.io.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Request bodies for property tests of everything that reads a chat-completions body: random bytes,
 * random JSON built from the words of the chat API (so that it reaches deep into validation), and
 * valid requests with a few random edits.
 */
public final class GarbageBodies {
  private static final List<String> KEYS =
      List.of(
          "model",
          "messages",
          "role",
          "content",
          "stream",
          "stream_options",
          "include_usage",
          "tools",
          "tool_choice",
          "tool_calls",
          "type",
          "text",
          "image_url",
          "url",
          "user",
          "name",
          "temperature",
          "max_tokens",
          "n",
          "functions");
  private static final List<String> STRINGS =
      List.of(
          "scalpel",
          "gpt-4o",
          "unknown-model",
          "user",
          "system",
          "assistant",
          "tool",
          "developer",
          "robot",
          "text",
          "image_url",
          "Where is my order?",
          "I want to speak to a human",
          "I want to cancel my order",
          "",
          " ",
          "\\ud800",
          "\\u0000",
          "caf\\u00e9 \\ud83d\\udeb2",
          "{{text}}");
  private static final String PUNCTUATION = "{}[],:\"\\ 0an";
  private static final List<String> VALID =
      List.of(
          "{\"model\": \"scalpel\", \"messages\": [{\"role\": \"user\", \"content\": \"Where is my"
              + " order?\"}]}",
          "{\"model\": \"scalpel\", \"stream\": true, \"stream_options\": {\"include_usage\":"
              + " true}, \"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"},"
              + " {\"role\": \"user\", \"content\": \"I want to cancel my order\"}]}",
          "{\"model\": \"gpt-4o\", \"temperature\": 0.2, \"messages\": [{\"role\": \"user\","
              + " \"content\": [{\"type\": \"text\", \"text\": \"Hello\"}, {\"type\":"
              + " \"image_url\", \"image_url\": {\"url\": \"https://example.com/a.png\"}}]}]}",
          "{\"model\": \"scalpel\", \"tools\": [{\"type\": \"function\", \"function\": {\"name\":"
              + " \"f\"}}], \"messages\": [{\"role\": \"user\", \"content\": \"I want to speak to a"
              + " human\"}, {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\":"
              + " \"c\", \"type\": \"function\", \"function\": {\"name\": \"f\", \"arguments\":"
              + " \"{}\"}}]}, {\"role\": \"tool\", \"tool_call_id\": \"c\", \"content\": \"ok\"}]}");

  private GarbageBodies() {}

  /** Any of the four kinds, about equally often. */
  public static Arbitrary<byte[]> any() {
    return Arbitraries.oneOf(randomBytes(), randomJson(), mutatedValid(), editedValid());
  }

  public static Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
  }

  public static Arbitrary<byte[]> randomJson() {
    return Arbitraries.randoms().map(r -> json(r, 0).getBytes(UTF_8));
  }

  public static Arbitrary<byte[]> mutatedValid() {
    return Arbitraries.randoms().map(GarbageBodies::mutate);
  }

  /** Valid requests with a few values replaced, removed or added: still JSON, often valid. */
  public static Arbitrary<byte[]> editedValid() {
    return Arbitraries.randoms().map(GarbageBodies::edit);
  }

  private static byte[] edit(Random random) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(VALID.get(random.nextInt(VALID.size())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a valid sample is not JSON", e);
    }
    int edits = random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      List<JsonNode> containers = new ArrayList<>();
      root.forEach(n -> collect(n, containers));
      containers.add(root);
      JsonNode target = containers.get(random.nextInt(containers.size()));
      JsonNode value;
      try {
        value = Json.mapper().readTree(json(random, 2));
      } catch (JsonProcessingException e) {
        value = TextNode.valueOf(STRINGS.get(random.nextInt(STRINGS.size())));
      }
      if (target instanceof ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name =
            names.isEmpty() || random.nextInt(4) == 0
                ? KEYS.get(random.nextInt(KEYS.size()))
                : names.get(random.nextInt(names.size()));
        if (random.nextInt(3) == 0) {
          object.remove(name);
        } else {
          object.set(name, value);
        }
      } else if (target instanceof ArrayNode array) {
        if (!array.isEmpty() && random.nextBoolean()) {
          array.remove(random.nextInt(array.size()));
        } else {
          array.add(value);
        }
      }
    }
    return root.toString().getBytes(UTF_8);
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(n -> collect(n, containers));
    }
  }

  private static byte[] mutate(Random random) {
    StringBuilder text = new StringBuilder(VALID.get(random.nextInt(VALID.size())));
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && !text.isEmpty(); i++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(5)) {
        case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
        case 1 -> text.insert(at, json(random, 2));
        case 2 -> text.insert(at, "\"" + STRINGS.get(random.nextInt(STRINGS.size())) + "\"");
        case 3 -> text.setCharAt(at, PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
        default -> {
          int end = Math.min(text.length(), at + random.nextInt(30));
          text.insert(at, text.substring(at, end));
        }
      }
    }
    byte[] bytes = text.toString().getBytes(UTF_8);
    if (random.nextInt(10) == 0 && bytes.length > 0) {
      bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
    }
    return bytes;
  }

  /** A random JSON value, mostly objects with the chat API's keys near the top. */
  private static String json(Random random, int depth) {
    int kind = depth == 0 ? 0 : random.nextInt(depth > 4 ? 4 : 7);
    return switch (kind) {
      case 0, 4 -> {
        StringBuilder s = new StringBuilder("{");
        int fields = random.nextInt(depth == 0 ? 5 : 4);
        for (int i = 0; i < fields; i++) {
          s.append(i == 0 ? "" : ",")
              .append('"')
              .append(KEYS.get(random.nextInt(KEYS.size())))
              .append("\":")
              .append(json(random, depth + 1));
        }
        yield s.append('}').toString();
      }
      case 5, 6 -> {
        StringBuilder s = new StringBuilder("[");
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
          s.append(i == 0 ? "" : ",").append(json(random, depth + 1));
        }
        yield s.append(']').toString();
      }
      case 1 -> "\"" + STRINGS.get(random.nextInt(STRINGS.size())) + "\"";
      case 2 ->
          List.of("0", "-1", "1.5", "1e400", "99999999999999999999", "true", "false", "null")
              .get(random.nextInt(8));
      default -> "\"" + "x".repeat(random.nextInt(50)) + "\"";
    };
  }
}
