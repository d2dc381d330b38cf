package dev.scalpel.gateway.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A bounded map whose entries expire: the least recently used entry goes first when it is full, and
 * an entry older than its time to live is gone when next looked up. Thread-safe; one lock, held for
 * a map operation only.
 */
public final class ExpiringLru<K, V> {
  private record Held<V>(V value, long expiresAtNanos) {}

  private final Duration ttl;
  private final LongSupplier nanoTime;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<K, Held<V>> entries;

  private ExpiringLru(int maxEntries, Duration ttl, LongSupplier nanoTime) {
    if (maxEntries < 1 || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException(
          "expected at least 1 entry and a positive time to live, found "
              + maxEntries
              + ", "
              + ttl);
    }
    this.ttl = ttl;
    this.nanoTime = nanoTime;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Held<V>> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** At most {@code maxEntries}, each kept for {@code ttl}, on {@code nanoTime}'s clock. */
  public static <K, V> ExpiringLru<K, V> create(
      int maxEntries, Duration ttl, LongSupplier nanoTime) {
    return new ExpiringLru<>(maxEntries, ttl, nanoTime);
  }

  public Optional<V> get(K key) {
    lock.lock();
    try {
      Held<V> e = entries.get(key);
      if (e == null) {
        return Optional.empty();
      }
      if (nanoTime.getAsLong() - e.expiresAtNanos() >= 0) {
        entries.remove(key);
        return Optional.empty();
      }
      return Optional.of(e.value());
    } finally {
      lock.unlock();
    }
  }

  /** Stores {@code value} under {@code key} for the time to live, from now. */
  public void put(K key, V value) {
    Held<V> e = new Held<>(value, nanoTime.getAsLong() + ttl.toNanos());
    lock.lock();
    try {
      entries.put(key, e);
    } finally {
      lock.unlock();
    }
  }

  /** Empties it; returns how many entries there were (expired ones included). */
  public int clear() {
    lock.lock();
    try {
      int n = entries.size();
      entries.clear();
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** How many entries are held (expired ones included until looked up). */
  public int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }
}
