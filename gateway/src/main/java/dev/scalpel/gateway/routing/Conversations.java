package dev.scalpel.gateway.routing;

import dev.scalpel.gateway.config.ConversationConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The conversations that have escalated, so that their follow-up turns stay with the generalist
 * that answered. Bounded (least recently used forgotten first) and expiring; in memory, so each
 * gateway process remembers the conversations it served. Thread-safe.
 */
public final class Conversations {
  private record Remembered(String tier, String systemPrompt, long expiresAtNanos) {}

  private final ConversationConfig config;
  private final LongSupplier nanoTime;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<String, Remembered> entries;

  private Conversations(ConversationConfig config, LongSupplier nanoTime) {
    this.config = config;
    this.nanoTime = nanoTime;
    int max = config.maxConversations();
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > max;
          }
        };
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
    lock.lock();
    try {
      Remembered e = entries.get(key.id());
      if (e == null) {
        return ConversationState.FRESH;
      }
      if (nanoTime.getAsLong() - e.expiresAtNanos() >= 0) {
        entries.remove(key.id());
        return ConversationState.FRESH;
      }
      return new ConversationState.Escalated(e.tier(), e.systemPrompt());
    } finally {
      lock.unlock();
    }
  }

  /** Remembers that {@code tier} answered {@code key}'s conversation. */
  public void escalated(ConversationKey key, String tier, String systemPrompt) {
    if (!config.sticky()) {
      return;
    }
    Remembered e =
        new Remembered(tier, systemPrompt, nanoTime.getAsLong() + config.ttl().toNanos());
    lock.lock();
    try {
      entries.put(key.id(), e);
    } finally {
      lock.unlock();
    }
  }

  /** How many conversations are remembered (expired ones included until looked up). */
  public int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }
}
