package dev.scalpel.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.gateway.config.CacheConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Exact-match cache of escalated, non-streamed, deterministic answers: keyed on the request as the
 * tier receives it (redacted, fields in a canonical order, without fields that do not change the
 * answer such as {@code user}) and the tier it starts at; entries expire and the least recently
 * used go first. Only requests with {@code temperature} 0 are cached, unless the configuration says
 * any temperature will do. Thread-safe.
 */
public final class ResponseCache {
  /** An upstream answer as it was received, and what it cost then. */
  public record Cached(
      ObjectNode response, String tier, String model, long tokensIn, long tokensOut) {}

  private static final Set<String> IGNORED = Set.of("user", "metadata", "stream", "stream_options");

  private final CacheConfig config;
  private final ExpiringLru<String, Cached> entries;

  private ResponseCache(CacheConfig config, LongSupplier nanoTime) {
    this.config = config;
    this.entries = ExpiringLru.create(config.maxEntries(), config.ttl(), nanoTime);
  }

  public static ResponseCache create(CacheConfig config) {
    return new ResponseCache(config, System::nanoTime);
  }

  /** The key of a request to {@code firstTier}, or empty when it may not be cached. */
  public Optional<String> key(ObjectNode body, String firstTier) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    JsonNode temperature = body.get("temperature");
    boolean deterministic =
        temperature != null && temperature.isNumber() && temperature.asDouble() == 0;
    if (!deterministic && !config.anyTemperature()) {
      return Optional.empty();
    }
    StringBuilder canonical = new StringBuilder(firstTier).append('\0');
    canonical(body, true, canonical);
    return Optional.of(sha256(canonical.toString()));
  }

  /** A copy of the answer cached under {@code key}, if it is still fresh. */
  public Optional<Cached> get(String key) {
    return entries
        .get(key)
        .map(c ->
            new Cached(c.response().deepCopy(), c.tier(), c.model(), c.tokensIn(), c.tokensOut()));
  }

  /** Caches a copy of {@code answer}. */
  public void put(String key, Cached answer) {
    entries.put(
        key,
        new Cached(
            answer.response().deepCopy(),
            answer.tier(),
            answer.model(),
            answer.tokensIn(),
            answer.tokensOut()));
  }

  /** Empties the cache; returns how many entries it held. */
  public int clear() {
    return entries.clear();
  }

  private static void canonical(JsonNode node, boolean top, StringBuilder out) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (String name : names) {
        if (top && IGNORED.contains(name)) {
          continue;
        }
        out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(name)).append(':');
        canonical(node.get(name), false, out);
        out.append(',');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode item : node) {
        canonical(item, false, out);
        out.append(',');
      }
      out.append(']');
    } else {
      out.append(node);
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
