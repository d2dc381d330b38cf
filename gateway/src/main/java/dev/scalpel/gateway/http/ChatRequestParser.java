package dev.scalpel.gateway.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Parses and validates a chat-completions body. Every problem is a 400 in OpenAI's shape naming the
 * parameter, never a 500: malformed JSON, invalid UTF-8, wrong types, empty messages, unknown
 * roles.
 */
final class ChatRequestParser {
  private static final Set<String> ROLES =
      Set.of("system", "developer", "user", "assistant", "tool", "function");

  private final int maxMessages;

  ChatRequestParser(int maxMessages) {
    this.maxMessages = maxMessages;
  }

  ChatRequest parse(byte[] bytes) {
    ObjectNode body = object(bytes);
    JsonNode model = body.get("model");
    if (model == null || !model.isTextual() || model.asText().isBlank()) {
      throw ApiException.invalid("model", "you must provide a model parameter (a string)");
    }
    JsonNode messages = body.get("messages");
    if (messages == null || !messages.isArray()) {
      throw ApiException.invalid("messages", "messages must be an array of message objects");
    }
    if (messages.isEmpty()) {
      throw ApiException.invalid("messages", "messages must not be empty");
    }
    if (messages.size() > maxMessages) {
      throw ApiException.invalid(
          "messages", "too many messages: " + messages.size() + " (at most " + maxMessages + ")");
    }
    boolean stream = bool(body, "stream", "stream");
    JsonNode options = body.get("stream_options");
    if (options != null && !options.isNull() && !options.isObject()) {
      throw ApiException.invalid("stream_options", "stream_options must be an object");
    }
    boolean includeUsage =
        options != null
            && options.isObject()
            && bool((ObjectNode) options, "include_usage", "stream_options.include_usage");
    boolean localAllowed =
        !has(body, "tools") && !has(body, "functions") && !has(body, "tool_choice");
    String lastUser = "";
    MessageDigest opening = sha256();
    boolean openingDone = false;
    boolean sawAssistant = false;
    boolean followUp = false;
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      String param = "messages[" + i + "]";
      if (!message.isObject()) {
        throw ApiException.invalid(param, param + " must be an object with a role and content");
      }
      JsonNode role = message.get("role");
      if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
        throw ApiException.invalid(
            param + ".role", param + ".role must be one of " + ROLES + ", found " + role);
      }
      if (role.asText().equals("tool")
          || role.asText().equals("function")
          || has(message, "tool_calls")) {
        localAllowed = false;
      }
      Content content = content(message.get("content"), param, role.asText());
      localAllowed &= content.textOnly();
      if (!openingDone) {
        opening.update(role.asText().getBytes(StandardCharsets.UTF_8));
        opening.update((byte) 0);
        opening.update(content.text().getBytes(StandardCharsets.UTF_8));
        opening.update((byte) 0);
      }
      if (role.asText().equals("user")) {
        lastUser = content.text();
        openingDone = true;
        followUp = sawAssistant;
      }
      sawAssistant |= role.asText().equals("assistant");
    }
    if (lastUser.isBlank()) {
      localAllowed = false;
    }
    JsonNode user = body.get("user");
    return new ChatRequest(
        body,
        model.asText(),
        stream,
        includeUsage,
        lastUser,
        localAllowed,
        user != null && user.isTextual() ? user.asText() : "",
        HexFormat.of().formatHex(opening.digest()),
        followUp);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private record Content(String text, boolean textOnly) {}

  private static Content content(JsonNode content, String param, String role) {
    if (content == null || content.isNull()) {
      if (role.equals("assistant")) {
        return new Content("", true);
      }
      throw ApiException.invalid(param + ".content", param + ".content is required");
    }
    if (content.isTextual()) {
      return new Content(content.asText(), true);
    }
    if (!content.isArray()) {
      throw ApiException.invalid(
          param + ".content", param + ".content must be a string or an array of content parts");
    }
    StringBuilder text = new StringBuilder();
    boolean textOnly = true;
    for (int j = 0; j < content.size(); j++) {
      JsonNode part = content.get(j);
      String partParam = param + ".content[" + j + "]";
      JsonNode type = part.isObject() ? part.get("type") : null;
      if (type == null || !type.isTextual()) {
        throw ApiException.invalid(partParam, partParam + " must be an object with a type");
      }
      if (type.asText().equals("text")) {
        JsonNode value = part.get("text");
        if (value == null || !value.isTextual()) {
          throw ApiException.invalid(partParam + ".text", partParam + ".text must be a string");
        }
        text.append(text.isEmpty() ? "" : "\n").append(value.asText());
      } else {
        textOnly = false;
      }
    }
    return new Content(text.toString(), textOnly);
  }

  static ObjectNode object(byte[] bytes) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(bytes);
    } catch (CharConversionException e) {
      throw ApiException.invalid("", "the request body is not valid UTF-8");
    } catch (JacksonException e) {
      String message = e.getOriginalMessage();
      if (message != null && message.contains("Invalid UTF-8")) {
        throw ApiException.invalid("", "the request body is not valid UTF-8");
      }
      throw ApiException.invalid("", "the request body is not valid JSON: " + message);
    } catch (IOException e) {
      throw ApiException.invalid("", "the request body could not be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw ApiException.invalid("", "the request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private static boolean bool(ObjectNode node, String field, String param) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw ApiException.invalid(param, param + " must be a boolean, found " + value);
    }
    return value.asBoolean();
  }

  private static boolean has(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull() && !(value.isArray() && value.isEmpty());
  }
}
