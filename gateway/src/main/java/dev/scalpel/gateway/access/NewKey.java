package dev.scalpel.gateway.access;

import java.util.Objects;

/**
 * A key just created: its description and its secret, which exists nowhere else (the store keeps a
 * hash) and must be handed to the user now.
 */
public record NewKey(KeyInfo key, String secret) {
  public NewKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secret, "secret");
  }

  /** Never the secret, so that a logged NewKey does not leak it. */
  @Override
  public String toString() {
    return "NewKey[key=" + key + ", secret=" + key.prefix() + "...]";
  }
}
