package dev.scalpel.gateway.access;

import java.util.Objects;

/** The outcome of {@link KeyStore#create}: the new key, or a refusal because its name is taken. */
public sealed interface KeyCreation {
  /** The key was stored; its secret is in {@link NewKey#secret()} and nowhere else. */
  record Created(NewKey key) implements KeyCreation {
    public Created {
      Objects.requireNonNull(key, "key");
    }
  }

  /** An active key already has this name; revoke it first or choose another. */
  record NameTaken(String name) implements KeyCreation {
    public NameTaken {
      Objects.requireNonNull(name, "name");
    }
  }
}
