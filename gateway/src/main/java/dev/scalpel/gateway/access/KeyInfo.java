package dev.scalpel.gateway.access;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway knows about an accepted key, never the secret itself.
 *
 * @param id stable identifier: {@code key_...} for a key made with {@code scalpel keys create} or
 *     the admin API, {@code config:<name>} for a key from {@code scalpel.yaml}
 * @param name unique among active keys; what the request log records as the key
 * @param prefix the first characters of the secret, to recognise a key in a list
 * @param created when the key was made ({@link Instant#EPOCH} for a key from the configuration)
 */
public record KeyInfo(
    String id,
    String name,
    Scope scope,
    String prefix,
    Instant created,
    Budget budget,
    RateLimits limits) {

  public KeyInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(limits, "limits");
  }
}
