package dev.scalpel.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Key material: new secrets and ids, the digest a secret is stored and looked up by, and the prefix
 * shown in lists.
 *
 * <p>A plain SHA-256 is the right digest here, not a slow password hash (bcrypt, scrypt, Argon2).
 * Slow hashes exist to make guessing low-entropy human passwords expensive; a generated secret of
 * 40 base62 characters has about 238 bits of entropy, so a leaked digest cannot be reversed by
 * guessing at any speed. A fast, unsalted digest is also what lets the store find a key by an index
 * lookup on every request, which a salted hash would turn into a scan, and a slow hash into
 * milliseconds of CPU per request.
 */
final class KeySecrets {
  /** Every generated key starts with this, so that secret scanners and people recognise it. */
  static final String KEY_PREFIX = "sk-scalpel-";

  /** Every key id starts with this. */
  static final String ID_PREFIX = "key_";

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int SECRET_CHARS = 40;
  private static final int ID_CHARS = 16;
  private static final int SHOWN_CHARS = 4;

  private KeySecrets() {}

  /** {@code sk-scalpel-} and 40 random base62 characters. */
  static String newSecret(SecureRandom random) {
    return KEY_PREFIX + base62(random, SECRET_CHARS);
  }

  /** {@code key_} and 16 random base62 characters. */
  static String newId(SecureRandom random) {
    return ID_PREFIX + base62(random, ID_CHARS);
  }

  /** What lists show of a secret: {@code sk-scalpel-} and its first four random characters. */
  static String prefix(String secret) {
    int shown = secret.startsWith(KEY_PREFIX) ? KEY_PREFIX.length() + SHOWN_CHARS : SHOWN_CHARS;
    return secret.substring(0, Math.min(shown, secret.length()));
  }

  /** The SHA-256 of the secret's UTF-8 bytes. */
  static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  private static String base62(SecureRandom random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      // nextInt(bound) rejects out-of-range draws, so every character is equally likely.
      s.append(BASE62.charAt(random.nextInt(BASE62.length())));
    }
    return s.toString();
  }
}
