package dev.scalpel.gateway.access;

import dev.scalpel.gateway.accounting.RequestLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The API keys made at run time ({@code scalpel keys create}, {@code POST /admin/keys}), kept in
 * the gateway's SQLite file beside the request log. Secrets are stored as SHA-256 digests and shown
 * only once, when created. Every lookup reads the database, so a key created or revoked by another
 * process sharing the file (the CLI beside a running gateway) counts from its next request.
 * Creations and revocations are written to the audit log in the same transaction. Thread-safe.
 *
 * <pre>{@code
 * try (RequestLog log = RequestLog.open(dataDir); KeyStore keys = KeyStore.open(log)) {
 *   switch (keys.create(KeyRequest.inference("ci"), "cli:alice")) {
 *     case KeyCreation.Created c -> System.out.println(c.key().secret());
 *     case KeyCreation.NameTaken t -> System.err.println(t.name() + " exists");
 *   }
 * }
 * }</pre>
 */
public interface KeyStore extends AutoCloseable {
  /** Opens the key store in the database of {@code log} (opening the log migrated its schema). */
  static KeyStore open(RequestLog log) {
    return open(log, Clock.systemUTC());
  }

  /** As {@link #open(RequestLog)}, with the clock that stamps creations, revocations and audits. */
  static KeyStore open(RequestLog log, Clock clock) {
    return SqliteKeyStore.open(log.file(), clock);
  }

  /** The database file. */
  Path file();

  /**
   * Creates a key with a fresh secret, unless an active key has the same name.
   *
   * @param actor who asks, for the audit log: {@code cli:<os user>} or {@code key:<admin key>}
   */
  KeyCreation create(KeyRequest request, String actor);

  /** The active keys, oldest first. */
  List<KeyInfo> list();

  /**
   * Revokes the active key with this name or id; it is refused from the next request on.
   *
   * @return the key revoked, or empty when no active key has that name or id
   */
  Optional<KeyInfo> revoke(String nameOrId, String actor);

  /** The active key whose secret is {@code secret}, if any. */
  Optional<KeyInfo> find(String secret);

  /** The audit log, oldest first. */
  List<AuditEntry> audit();

  @Override
  void close();
}
