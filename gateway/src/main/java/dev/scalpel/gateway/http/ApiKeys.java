package dev.scalpel.gateway.http;

import dev.scalpel.gateway.config.GatewayConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Checks {@code Authorization: Bearer <key>} against the configured keys. Keys are kept as SHA-256
 * digests and compared in constant time, every key every time, so timing says nothing about which
 * key nearly matched.
 */
final class ApiKeys {
  private record Entry(String name, byte[] digest) {}

  private final List<Entry> entries;

  ApiKeys(List<GatewayConfig.ApiKey> keys) {
    this.entries = keys.stream().map(k -> new Entry(k.name(), digest(k.secret()))).toList();
  }

  /** The name of the key presented, or a 401 in OpenAI's shape. */
  String authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw unauthorized(
          "You didn't provide an API key. Send it in the Authorization header: Bearer YOUR_KEY.");
    }
    String presented = authorization.strip();
    if (presented.regionMatches(true, 0, "Bearer ", 0, 7)) {
      presented = presented.substring(7).strip();
    }
    byte[] digest = digest(presented);
    String match = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(e.digest(), digest) && match == null) {
        match = e.name();
      }
    }
    if (match == null) {
      throw unauthorized("Incorrect API key provided. Check the key, or ask the operator for one.");
    }
    return match;
  }

  private static ApiException unauthorized(String message) {
    return new ApiException(401, "authentication_error", "invalid_api_key", "", message);
  }

  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
