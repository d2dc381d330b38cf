package dev.scalpel.gateway.access;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link Access} over configured keys (kept as digests) and the key store. */
final class KeyAccess implements Access {
  private record Configured(KeyInfo info, byte[] digest) {}

  private final KeyStore store;
  private final List<Configured> configured;

  private KeyAccess(KeyStore store, List<Configured> configured) {
    this.store = store;
    this.configured = configured;
  }

  static KeyAccess create(KeyStore store, List<StaticKey> staticKeys) {
    return new KeyAccess(
        store,
        staticKeys.stream()
            .map(k -> new Configured(k.info(), KeySecrets.digest(k.secret())))
            .toList());
  }

  @Override
  public Authentication authenticate(String authorization, Scope needed) {
    if (authorization == null || authorization.isBlank()) {
      return unauthorized(
          "You didn't provide an API key. Send it in the Authorization header: Bearer YOUR_KEY.");
    }
    String presented = authorization.strip();
    if (presented.regionMatches(true, 0, "Bearer ", 0, 7)) {
      presented = presented.substring(7).strip();
    }
    Optional<KeyInfo> key = configured(presented);
    if (key.isEmpty()) {
      key = store.find(presented);
    }
    if (key.isEmpty()) {
      // The same answer for an unknown and a revoked key: which keys once existed is no one's
      // business but the operator's.
      return unauthorized(
          "Incorrect API key provided. Check the key, or ask the operator for one.");
    }
    if (!key.get().scope().allows(needed)) {
      return new Authentication.Denied(
          new Refusal(
              403,
              "permission_error",
              "insufficient_scope",
              "The API key '"
                  + key.get().name()
                  + "' has the "
                  + key.get().scope().wireName()
                  + " scope; this endpoint needs a key with the "
                  + needed.wireName()
                  + " scope.",
              Duration.ZERO));
    }
    return new Authentication.Granted(key.get());
  }

  /** Compares against every configured key, each in constant time, so timing tells nothing. */
  private Optional<KeyInfo> configured(String presented) {
    byte[] digest = KeySecrets.digest(presented);
    KeyInfo match = null;
    for (Configured c : configured) {
      if (MessageDigest.isEqual(c.digest(), digest) && match == null) {
        match = c.info();
      }
    }
    return Optional.ofNullable(match);
  }

  private static Authentication unauthorized(String message) {
    return new Authentication.Denied(
        new Refusal(401, "authentication_error", "invalid_api_key", message, Duration.ZERO));
  }
}
