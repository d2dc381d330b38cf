package dev.scalpel.gateway.routing;

/**
 * Identifies the conversation a request belongs to. {@code followUp} says whether the request may
 * continue a remembered conversation: always for a conversation named by the client (a header or
 * the {@code user} field), and for one identified by its opening messages only when the request
 * carries earlier turns.
 */
public record ConversationKey(String id, boolean followUp) {
  public ConversationKey {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a conversation key needs an id");
    }
  }
}
