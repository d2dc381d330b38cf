package dev.scalpel.gateway.config;

import java.time.Duration;

/**
 * Conversation stickiness: once a conversation has escalated, its follow-up turns stay with the
 * generalist that answered (same tier, same system prompt) unless the new turn is answered locally
 * with at least {@code minConfidence}. Conversations are remembered for {@code ttl} after their
 * last escalation, at most {@code maxConversations} at a time (the least recently used are
 * forgotten first).
 */
public record ConversationConfig(
    boolean sticky, double minConfidence, Duration ttl, int maxConversations) {
  public ConversationConfig {
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException(
          "min_confidence must be in [0, 1], found " + minConfidence);
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, found " + ttl);
    }
    if (maxConversations < 1) {
      throw new IllegalArgumentException("max must be >= 1, found " + maxConversations);
    }
  }

  /** Sticky, leaving the generalist at confidence 0.9, for 30 minutes, up to 100,000 at once. */
  public static ConversationConfig defaults() {
    return new ConversationConfig(true, 0.9, Duration.ofMinutes(30), 100_000);
  }
}
