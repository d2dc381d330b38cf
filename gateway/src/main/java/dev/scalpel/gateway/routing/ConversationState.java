package dev.scalpel.gateway.routing;

/** What the gateway remembers of the conversation a request belongs to. */
public sealed interface ConversationState {
  /** A new conversation, or one that has not escalated (recently). */
  record Fresh() implements ConversationState {}

  /**
   * The conversation escalated and {@code tier} answered, with {@code systemPrompt} prepended; its
   * follow-ups stay there unless they are confidently local.
   */
  record Escalated(String tier, String systemPrompt) implements ConversationState {}

  ConversationState FRESH = new Fresh();
}
