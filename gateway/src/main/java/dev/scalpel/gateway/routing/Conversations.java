package dev.scalpel.gateway.routing;

import dev.scalpel.gateway.cache.ExpiringLru;
import dev.scalpel.gateway.config.ConversationConfig;
import java.util.function.LongSupplier;

/**
 * The conversations that have escalated, so that their follow-up turns stay with the generalist
 * that answered. Bounded (least recently used forgotten first) and expiring; in memory, so each
 * gateway process remembers the conversations it served. Thread-safe.
 */
public final class Conversations {
  private final ConversationConfig config;
  private final ExpiringLru<String, ConversationState.Escalated> escalated;

  private Conversations(ConversationConfig config, LongSupplier nanoTime) {
    this.config = config;
    this.escalated = ExpiringLru.create(config.maxConversations(), config.ttl(), nanoTime);
  }

  /** Conversations on the system clock. */
  public static Conversations create(ConversationConfig config) {
    return new Conversations(config, System::nanoTime);
  }

  /** Conversations on another clock, for tests. */
  public static Conversations create(ConversationConfig config, LongSupplier nanoTime) {
    return new Conversations(config, nanoTime);
  }

  /** What is remembered of {@code key}'s conversation; fresh when stickiness is off. */
  public ConversationState state(ConversationKey key) {
    if (!config.sticky() || !key.followUp()) {
      return ConversationState.FRESH;
    }
    return escalated.get(key.id()).<ConversationState>map(e -> e).orElse(ConversationState.FRESH);
  }

  /** Remembers that {@code tier} answered {@code key}'s conversation. */
  public void escalated(ConversationKey key, String tier, String systemPrompt) {
    if (config.sticky()) {
      escalated.put(key.id(), new ConversationState.Escalated(tier, systemPrompt));
    }
  }

  /** How many conversations are remembered (expired ones included until looked up). */
  public int size() {
    return escalated.size();
  }
}
