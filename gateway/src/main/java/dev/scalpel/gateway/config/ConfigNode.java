package dev.scalpel.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A node of the YAML tree that knows its path, so that every error names the file and the key. */
final class ConfigNode {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

  private final Path file;
  private final String path;
  private final JsonNode node;

  ConfigNode(Path file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node == null ? MissingNode.getInstance() : node;
  }

  String path() {
    return path;
  }

  boolean isMissing() {
    return node.isMissingNode() || node.isNull();
  }

  ConfigNode get(String key) {
    return new ConfigNode(file, path.isEmpty() ? key : path + "." + key, node.get(key));
  }

  ConfigException error(String problem) {
    return new ConfigException(file, path, problem);
  }

  /** Fails on keys outside {@code allowed}, which catches typos early. */
  ConfigNode onlyKeys(Set<String> allowed) {
    if (isMissing()) {
      return this;
    }
    if (!node.isObject()) {
      throw error("expected a mapping, found " + describe());
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new ConfigException(
            file,
            path.isEmpty() ? name : path + "." + name,
            "unknown key (expected one of " + new java.util.TreeSet<>(allowed) + ")");
      }
    }
    return this;
  }

  String string(String fallback) {
    if (isMissing()) {
      return fallback;
    }
    if (!node.isValueNode() || node.isBoolean()) {
      throw error("expected a string, found " + describe());
    }
    return node.asText();
  }

  String requiredString() {
    if (isMissing() || node.asText().isBlank()) {
      throw error("required (expected a non-empty string)");
    }
    return string("");
  }

  int integer(int fallback, int min, int max) {
    if (isMissing()) {
      return fallback;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw error("expected a whole number, found " + describe());
    }
    int value = node.asInt();
    if (value < min || value > max) {
      throw error("expected a number from " + min + " to " + max + ", found " + value);
    }
    return value;
  }

  double decimal(double fallback, double min, double max) {
    if (isMissing()) {
      return fallback;
    }
    if (!node.isNumber()) {
      throw error("expected a number, found " + describe());
    }
    double value = node.asDouble();
    if (!(value >= min && value <= max)) {
      throw error("expected a number from " + min + " to " + max + ", found " + value);
    }
    return value;
  }

  boolean bool(boolean fallback) {
    if (isMissing()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw error("expected true or false, found " + describe());
    }
    return node.asBoolean();
  }

  Duration duration(Duration fallback) {
    if (isMissing()) {
      return fallback;
    }
    Matcher m = DURATION.matcher(node.asText().strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw error("expected a duration such as 500ms, 30s, 2m or 1h, found " + describe());
    }
    double amount = Double.parseDouble(m.group(1));
    long millis =
        switch (m.group(2)) {
          case "ms" -> (long) amount;
          case "s" -> (long) (amount * 1000);
          case "m" -> (long) (amount * 60_000);
          case "h" -> (long) (amount * 3_600_000);
          default -> (long) (amount * 86_400_000);
        };
    if (millis <= 0) {
      throw error("expected a positive duration, found " + describe());
    }
    return Duration.ofMillis(millis);
  }

  boolean isList() {
    return node.isArray();
  }

  List<ConfigNode> list() {
    if (isMissing()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw error("expected a list, found " + describe());
    }
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      items.add(new ConfigNode(file, path + "[" + i + "]", node.get(i)));
    }
    return items;
  }

  List<String> fieldNames() {
    if (isMissing()) {
      return List.of();
    }
    if (!node.isObject()) {
      throw error("expected a mapping, found " + describe());
    }
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Resolves a path relative to the configuration file's folder. */
  Path resolvePath(String value) {
    Path p = Path.of(value);
    Path base = file.toAbsolutePath().getParent();
    return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
  }

  private String describe() {
    if (node.isMissingNode() || node.isNull()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    return node.isContainerNode()
        ? node.getNodeType().name().toLowerCase(Locale.ROOT)
        : node.toString();
  }
}
