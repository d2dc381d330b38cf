package dev.scalpel.core.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One JSON object per line: {@code {"text": "...", "label": "..."}}; field names follow the column
 * options.
 */
final class JsonLinesFormat {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonLinesFormat() {}

  static Dataset read(Path file, String content, ReadOptions options) {
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
      collector.add(
          field(file, line, node, options.explicitTextColumn(), ColumnNames.TEXT_NAMES),
          field(file, line, node, options.explicitLabelColumn(), ColumnNames.LABEL_NAMES),
          line);
    }
    return collector.finish();
  }

  private static String field(
      Path file, int line, JsonNode node, Optional<String> explicit, List<String> commonNames) {
    List<String> wanted = explicit.map(List::of).orElse(commonNames);
    JsonNode value = null;
    String name = wanted.getFirst();
    for (String candidate : wanted) {
      Optional<String> actual = fieldIgnoringCase(node, candidate);
      if (actual.isPresent()) {
        name = actual.get();
        value = node.get(name);
        break;
      }
    }
    if (value == null || value.isNull()) {
      throw new DataFormatException(
          file,
          line,
          String.format(
              "missing field %s (found fields %s)",
              wanted.size() == 1 ? "\"" + name + "\"" : "(one of " + wanted + ")",
              fieldNames(node)));
    }
    if (!value.isValueNode() || value.isBinary()) {
      throw new DataFormatException(
          file,
          line,
          String.format("field \"%s\" must be a string, found %s", name, value.getNodeType()));
    }
    return value.asText();
  }

  private static Optional<String> fieldIgnoringCase(JsonNode node, String wanted) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    String lower = wanted.strip().toLowerCase(Locale.ROOT);
    return names.stream().filter(n -> n.strip().toLowerCase(Locale.ROOT).equals(lower)).findFirst();
  }

  private static String fieldNames(JsonNode node) {
    StringBuilder names = new StringBuilder("[");
    node.fieldNames().forEachRemaining(n -> names.append(names.length() > 1 ? ", " : "").append(n));
    return names.append(']').toString();
  }
}
