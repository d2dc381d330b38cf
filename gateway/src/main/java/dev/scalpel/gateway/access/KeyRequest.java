package dev.scalpel.gateway.access;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A key to create: its name, scope, budget and rate limits (the secret is generated).
 *
 * @param name 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter or
 *     digit, and not starting with {@code key_} (the form of key ids, so a name never reads as
 *     another key's id)
 */
public record KeyRequest(String name, Scope scope, Budget budget, RateLimits limits) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public KeyRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(limits, "limits");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "key name: expected 1 to 64 letters, digits, '.', '_' or '-' starting with a letter or"
              + " digit, found '"
              + name
              + "'");
    }
    if (name.startsWith(KeySecrets.ID_PREFIX)) {
      throw new IllegalArgumentException(
          "key name: must not start with '"
              + KeySecrets.ID_PREFIX
              + "' (key ids look like that), found '"
              + name
              + "'");
    }
  }

  /** An inference key with no budget and no rate limits. */
  public static KeyRequest inference(String name) {
    return new KeyRequest(name, Scope.INFERENCE, Budget.UNLIMITED, RateLimits.NONE);
  }
}
