package dev.scalpel.gateway.access;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One connection to the gateway's SQLite file (the request log's, whose Flyway migrations create
 * the key and budget tables), used by one thread at a time. Transactions start {@code IMMEDIATE}:
 * they take the write lock up front, so a transaction never fails half-way because another process
 * wrote first; a writer waits for another for up to {@link #BUSY_TIMEOUT_MS}.
 */
final class AccessDatabase implements AutoCloseable {
  static final int BUSY_TIMEOUT_MS = 5_000;

  /** Work done on the connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Statements statements) throws SQLException;
  }

  /**
   * The connection's prepared statements, prepared once and kept: preparing costs more than running
   * a key lookup. Use them only inside the work they are handed to, and never close them.
   */
  @FunctionalInterface
  interface Statements {
    PreparedStatement prepare(String sql) throws SQLException;
  }

  private final Path file;
  private final Connection connection;
  // A lock rather than synchronized: callers are virtual threads, and SQLite may block on I/O.
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  private AccessDatabase(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Connects to {@code file}, which must already hold the schema (open the request log on it first:
   * opening it migrates).
   */
  static AccessDatabase open(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    // As the request log by default: a commit survives a kill of the process (WAL), not a power
    // loss, and costs no fsync.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    Connection c;
    try {
      c = config.createConnection("jdbc:sqlite:" + file);
    } catch (SQLException e) {
      throw new AccessException(file + ": cannot open the database (" + e.getMessage() + ")", e);
    }
    AccessDatabase db = new AccessDatabase(file, c);
    boolean migrated;
    try {
      migrated =
          db.run(
              "check the schema",
              statements -> {
                try (ResultSet rs =
                    statements
                        .prepare(
                            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'api_keys'")
                        .executeQuery()) {
                  return rs.next();
                }
              });
    } catch (AccessException e) {
      db.close();
      throw e;
    }
    if (!migrated) {
      db.close();
      throw new AccessException(
          file
              + ": no api_keys table (expected a database migrated by the request log; open the"
              + " request log on it first)");
    }
    return db;
  }

  Path file() {
    return file;
  }

  /**
   * Runs {@code work} in autocommit mode (each statement its own transaction); {@code what}
   * completes "cannot ..." in failures.
   */
  <T> T run(String what, Work<T> work) {
    lock.lock();
    try {
      return work.run(this::prepare);
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} in one {@code IMMEDIATE} transaction: committed if it returns, rolled back if
   * it throws. (Issued as SQL rather than through JDBC's auto-commit switch, with which the driver
   * opens the next transaction, and takes the write lock again, right after each commit.)
   */
  <T> T transaction(String what, Work<T> work) {
    lock.lock();
    try {
      execute("BEGIN IMMEDIATE");
      try {
        T result = work.run(this::prepare);
        execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(e);
        throw e;
      }
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      for (PreparedStatement s : prepared.values()) {
        s.close();
      }
      prepared.clear();
      connection.close();
    } catch (SQLException e) {
      throw failure("close the database", e);
    } finally {
      lock.unlock();
    }
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement s = prepared.get(sql);
    if (s == null) {
      s = connection.prepareStatement(sql);
      prepared.put(sql, s);
    }
    return s;
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  private void rollback(Exception failure) {
    try {
      execute("ROLLBACK");
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private AccessException failure(String what, SQLException e) {
    return new AccessException(file + ": cannot " + what + " (" + e.getMessage() + ")", e);
  }
}
