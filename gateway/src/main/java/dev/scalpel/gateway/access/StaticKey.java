package dev.scalpel.gateway.access;

import dev.scalpel.gateway.config.GatewayConfig;
import java.time.Instant;
import java.util.Objects;

/**
 * A key written in {@code scalpel.yaml} ({@code keys[]}) rather than made at run time. It cannot be
 * revoked through the store: remove it from the configuration and restart.
 */
public record StaticKey(String name, String secret, Scope scope, Budget budget, RateLimits limits) {
  public StaticKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(limits, "limits");
  }

  /** A configured key as the configuration has them today: inference scope, no budget or limits. */
  public static StaticKey of(GatewayConfig.ApiKey key) {
    return new StaticKey(
        key.name(), key.secret(), Scope.INFERENCE, Budget.UNLIMITED, RateLimits.NONE);
  }

  /** What the gateway knows of it: id {@code config:<name>}, created at the epoch. */
  public KeyInfo info() {
    return new KeyInfo(
        "config:" + name, name, scope, KeySecrets.prefix(secret), Instant.EPOCH, budget, limits);
  }
}
