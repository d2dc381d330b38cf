package dev.scalpel.gateway.access;

import java.util.Locale;

/**
 * What a key may do. {@link #INFERENCE} keys call the OpenAI-compatible endpoints ({@code
 * /v1/...}); {@link #ADMIN} keys also manage the gateway ({@code /admin/...}), since whoever can
 * mint keys can get an inference key anyway.
 */
public enum Scope {
  INFERENCE,
  ADMIN;

  /** The name in the CLI, the admin API and the database: {@code inference} or {@code admin}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a key of this scope may call an endpoint that needs {@code needed}. */
  public boolean allows(Scope needed) {
    return this == ADMIN || needed == INFERENCE;
  }

  /**
   * The scope named {@code wire} ({@code inference} or {@code admin}).
   *
   * @throws IllegalArgumentException naming the valid scopes otherwise
   */
  public static Scope fromWire(String wire) {
    for (Scope s : values()) {
      if (s.wireName().equals(wire)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown scope '" + wire + "' (expected inference or admin)");
  }
}
