package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * An error in OpenAI's shape, {@code {"error":{"message","type","param","code"}}}. Empty {@code
 * param} or {@code code} are written as JSON {@code null}, as OpenAI does.
 */
public record OpenAiError(String message, String type, String param, String code) {
  public OpenAiError {
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("error message: expected non-blank text, found blank");
    }
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("error type: expected non-blank text, found blank");
    }
    param = param == null ? "" : param;
    code = code == null ? "" : code;
  }

  /** The error body to send to a client. */
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("type", type);
    putOrNull(error, "param", param);
    putOrNull(error, "code", code);
    return root;
  }

  /**
   * The error an upstream's response body carries in OpenAI's shape, or empty when the body has no
   * {@code error} object with a textual message.
   */
  public static Optional<OpenAiError> parse(JsonNode body) {
    JsonNode error = body == null ? null : body.get("error");
    if (error == null || !error.isObject() || !error.path("message").isTextual()) {
      return Optional.empty();
    }
    String message = error.path("message").asText();
    if (message.isBlank()) {
      return Optional.empty();
    }
    String type = error.path("type").isTextual() ? error.path("type").asText() : "";
    return Optional.of(
        new OpenAiError(
            message,
            type.isBlank() ? "upstream_error" : type,
            error.path("param").isTextual() ? error.path("param").asText() : "",
            error.path("code").isValueNode() && !error.path("code").isNull()
                ? error.path("code").asText()
                : ""));
  }

  private static void putOrNull(ObjectNode node, String field, String value) {
    if (value.isEmpty()) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
