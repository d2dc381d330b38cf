package dev.scalpel.gateway.access;

import dev.scalpel.gateway.config.GatewayConfig;
import java.util.List;

/**
 * Decides who may call the gateway: checks {@code Authorization: Bearer <key>} against the keys in
 * {@code scalpel.yaml} and the {@link KeyStore}, and the key's scope against what the endpoint
 * needs. Keys created or revoked in the store, by this process or another, count from the next
 * request. Thread-safe.
 *
 * <pre>{@code
 * Access access = Access.withConfigKeys(store, config.keys());
 * switch (access.authenticate(ctx.header("Authorization"), Scope.INFERENCE)) {
 *   case Authentication.Granted g -> serve(g.key());
 *   case Authentication.Denied d -> throw d.refusal().toApiException();
 * }
 * }</pre>
 */
public interface Access {
  /** Keys from the configuration (any scope, budget and limits) and the store. */
  static Access create(KeyStore store, List<StaticKey> staticKeys) {
    return KeyAccess.create(store, staticKeys);
  }

  /** The configuration's keys as inference keys without budget or limits, and the store. */
  static Access withConfigKeys(KeyStore store, List<GatewayConfig.ApiKey> configured) {
    return create(store, configured.stream().map(StaticKey::of).toList());
  }

  /**
   * Checks the {@code Authorization} header (null when absent) for a key allowed {@code needed}.
   */
  Authentication authenticate(String authorization, Scope needed);
}
