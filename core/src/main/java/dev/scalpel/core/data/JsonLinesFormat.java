package dev.scalpel.core.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/**
 * One JSON object per line: {@code {"text": "...", "label": "..."}}; field names follow the column
 * options.
 */
final class JsonLinesFormat {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonLinesFormat() {}

  static Dataset read(Path file, String content, ReadOptions options) {
    String textField = options.explicitTextColumn().orElse("text");
    String labelField = options.explicitLabelColumn().orElse("label");
    ExampleCollector collector = new ExampleCollector(file, options);
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i].strip();
      int line = i + 1;
      if (raw.isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(raw);
      } catch (JacksonException e) {
        throw new DataFormatException(
            file, line, "malformed JSON (expected one object per line): " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        throw new DataFormatException(
            file,
            line,
            "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType()));
      }
      collector.add(field(file, line, node, textField), field(file, line, node, labelField), line);
    }
    return collector.finish();
  }

  private static String field(Path file, int line, JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new DataFormatException(
          file,
          line,
          String.format("missing field \"%s\" (found fields %s)", name, fieldNames(node)));
    }
    if (!value.isValueNode() || value.isBinary()) {
      throw new DataFormatException(
          file,
          line,
          String.format("field \"%s\" must be a string, found %s", name, value.getNodeType()));
    }
    return value.asText();
  }

  private static String fieldNames(JsonNode node) {
    StringBuilder names = new StringBuilder("[");
    node.fieldNames().forEachRemaining(n -> names.append(names.length() > 1 ? ", " : "").append(n));
    return names.append(']').toString();
  }
}
