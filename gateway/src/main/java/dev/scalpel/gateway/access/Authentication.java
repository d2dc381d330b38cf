package dev.scalpel.gateway.access;

import java.util.Objects;

/** The outcome of {@link Access#authenticate}: the key presented, or why it is refused. */
public sealed interface Authentication {
  /** The key is valid, active and has the scope needed. */
  record Granted(KeyInfo key) implements Authentication {
    public Granted {
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * Refused: 401 ({@code authentication_error}, {@code invalid_api_key}) for a missing, unknown or
   * revoked key, 403 ({@code permission_error}, {@code insufficient_scope}) for a key without the
   * scope needed.
   */
  record Denied(Refusal refusal) implements Authentication {
    public Denied {
      Objects.requireNonNull(refusal, "refusal");
    }
  }
}
