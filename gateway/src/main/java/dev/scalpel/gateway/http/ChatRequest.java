package dev.scalpel.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated chat-completions request: the original body (passed upstream unchanged but for the
 * model), the model asked for, whether to stream, whether to report usage in the stream, the text
 * of the last user turn, and whether it may be answered locally (no tools, tool results or non-text
 * parts). {@code openingDigest} (SHA-256 of the messages up to the first user turn) identifies the
 * conversation; {@code followUp} says whether earlier turns precede the last user turn.
 */
public record ChatRequest(
    ObjectNode body,
    String model,
    boolean stream,
    boolean includeUsage,
    String lastUserText,
    boolean localAllowed,
    String user,
    String openingDigest,
    boolean followUp) {

  /** The messages array of the body. */
  public JsonNode messages() {
    return body.get("messages");
  }
}
