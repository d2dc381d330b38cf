package dev.scalpel.flywheel.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.io.ModelFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The examples of one dataset version as JSON Lines, {@code {"text":...,"label":...}} in a fixed
 * key order, so that the same examples always give the same bytes (and hashes), and any tool,
 * {@code scalpel train} included, can read the file.
 */
final class ExamplesFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ExamplesFile() {}

  static byte[] encode(List<Example> examples) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Example e : examples) {
      try {
        String line =
            MAPPER.writeValueAsString(
                MAPPER.createObjectNode().put("text", e.text()).put("label", e.label()));
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      } catch (JacksonException ex) {
        throw new IllegalStateException("cannot encode an example", ex);
      }
    }
    return out.toByteArray();
  }

  /** Parses bytes already checked against their hash; a bad line still fails with its place. */
  static List<Example> decode(Path file, byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(lines[i]);
      } catch (JacksonException e) {
        node = null;
      }
      JsonNode text = node == null ? null : node.get("text");
      JsonNode label = node == null ? null : node.get("label");
      if (text == null
          || label == null
          || !text.isTextual()
          || !label.isTextual()
          || text.asText().isBlank()
          || label.asText().isBlank()) {
        throw new ModelFormatException(
            file, "line " + (i + 1) + ": expected {\"text\":...,\"label\":...}, found " + lines[i]);
      }
      examples.add(new Example(text.asText(), label.asText(), i + 1));
    }
    return examples;
  }
}
