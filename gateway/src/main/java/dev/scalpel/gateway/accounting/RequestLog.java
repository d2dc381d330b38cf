package dev.scalpel.gateway.accounting;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The durable log of every request the gateway answered: one {@link RequestRecord} per request, in
 * SQLite ({@code <dataDir>/scalpel.db}, WAL mode, schema migrated by Flyway on open). The gateway
 * calls {@link #append} before it sends a response, so every answered request survives a kill of
 * the gateway (and, with {@link RequestLogOptions#durableSync()}, a power loss). Concurrent appends
 * are committed together by one writer thread (group commit). Thread-safe.
 *
 * <pre>{@code
 * try (RequestLog log = RequestLog.open(dataDir)) {
 *   log.append(record);
 *   List<UsageRow> byRoute = log.usage(UsageQuery.allTime(UsageGrouping.ROUTE));
 * }
 * }</pre>
 */
public interface RequestLog extends AutoCloseable {
  /** The database file's name inside the data directory. */
  String FILE_NAME = "scalpel.db";

  /** Opens (creating and migrating if needed) the log in {@code dataDir} with default options. */
  static RequestLog open(Path dataDir) {
    return open(dataDir, RequestLogOptions.defaults());
  }

  /**
   * Opens (creating and migrating if needed) the log in {@code dataDir}.
   *
   * @throws RequestLogException naming the file when the directory is not writable, the file is not
   *     a SQLite database, or the schema cannot be migrated
   */
  static RequestLog open(Path dataDir, RequestLogOptions options) {
    return SqliteRequestLog.open(databaseFile(dataDir), options);
  }

  /** Where the log of {@code dataDir} lives. */
  static Path databaseFile(Path dataDir) {
    return dataDir.resolve(FILE_NAME);
  }

  /** The database file. */
  Path file();

  /**
   * Stores {@code record}; returns only once its row is committed.
   *
   * @throws RequestLogException when the row could not be committed (the database is unwritable,
   *     locked for longer than the write timeout, the id is already logged, or the log is closed)
   */
  void append(RequestRecord record);

  /** The record logged under {@code id}, if any. */
  Optional<RequestRecord> find(String id);

  /** Totals of the requests {@code query} selects, one row per group, ordered by group. */
  List<UsageRow> usage(UsageQuery query);

  /** How many requests are logged. */
  long count();

  /** Commits every pending append, then closes the database. Idempotent. */
  @Override
  void close();
}
