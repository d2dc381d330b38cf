package dev.scalpel.gateway.accounting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens the request log's SQLite file: checks that its directory and the file can hold a database,
 * switches it to WAL, migrates the schema (Flyway, {@code db/migration}) and makes connections for
 * the writer and for readers. Every failure names the file.
 */
final class SqliteDatabase {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private SqliteDatabase() {}

  /** Makes {@code file} a migrated WAL-mode database, creating it and its directory if needed. */
  static void prepare(Path file, RequestLogOptions options) {
    checkLocation(file);
    try (Connection c = connect(file, options)) {
      String mode = pragma(c, "journal_mode = WAL");
      if (!"wal".equals(mode.toLowerCase(Locale.ROOT))) {
        throw new RequestLogException(
            file
                + ": cannot switch the database to WAL journal mode (found '"
                + mode
                + "'); the file system may not support it");
      }
    } catch (SQLException e) {
      throw new RequestLogException(
          file + ": cannot open the request log (" + e.getMessage() + ")", e);
    }
    migrate(file);
  }

  /** The writer's connection: manual commits, {@code synchronous} as the options say. */
  static Connection connectWriter(Path file, RequestLogOptions options) throws SQLException {
    Connection c = connect(file, options);
    try {
      pragma(c, "synchronous = " + (options.durableSync() ? "FULL" : "NORMAL"));
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      closeAfterFailure(c, e);
      throw e;
    }
  }

  /** A connection that may only read. */
  static Connection connectReader(Path file, RequestLogOptions options) throws SQLException {
    Connection c = connect(file, options);
    try {
      pragma(c, "query_only = ON");
      return c;
    } catch (SQLException e) {
      closeAfterFailure(c, e);
      throw e;
    }
  }

  /** Runs {@code PRAGMA <statement>} and returns the first column of its first row, or "". */
  static String pragma(Connection c, String statement) throws SQLException {
    try (Statement s = c.createStatement()) {
      boolean hasRows = s.execute("PRAGMA " + statement);
      if (!hasRows) {
        return "";
      }
      try (ResultSet rs = s.getResultSet()) {
        return rs.next() ? String.valueOf(rs.getString(1)) : "";
      }
    }
  }

  private static Connection connect(Path file, RequestLogOptions options) throws SQLException {
    Connection c = DriverManager.getConnection(url(file));
    try {
      pragma(c, "busy_timeout = " + options.writeTimeout().toMillis());
      return c;
    } catch (SQLException e) {
      closeAfterFailure(c, e);
      throw e;
    }
  }

  private static String url(Path file) {
    return "jdbc:sqlite:" + file;
  }

  static void closeAfterFailure(Connection c, SQLException failure) {
    try {
      c.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void checkLocation(Path file) {
    Path dir = file.getParent();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new RequestLogException(
          file + ": cannot create the request log: " + dir + " is a file, not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new RequestLogException(
          file + ": cannot create the data directory " + dir + " (" + e + ")", e);
    }
    if (!Files.isWritable(dir)) {
      throw new RequestLogException(
          file
              + ": the directory "
              + dir
              + " is not writable (the request log creates its database, -wal and -shm files there)");
    }
    if (!Files.exists(file)) {
      return;
    }
    if (!Files.isRegularFile(file)) {
      throw new RequestLogException(file + ": not a SQLite database (found a directory or device)");
    }
    if (!Files.isWritable(file)) {
      throw new RequestLogException(file + ": the database file is not writable");
    }
    checkMagic(file);
  }

  private static void checkMagic(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(MAGIC.length);
    } catch (IOException e) {
      throw new RequestLogException(file + ": cannot read the database file (" + e + ")", e);
    }
    if (head.length > 0 && !Arrays.equals(head, MAGIC)) {
      throw new RequestLogException(
          file
              + ": not a SQLite database (expected the header 'SQLite format 3', found "
              + describe(head)
              + "); move it away or choose another data directory");
    }
  }

  private static String describe(byte[] head) {
    StringBuilder s = new StringBuilder("'");
    for (byte b : head) {
      s.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
    }
    return s.append('\'').toString();
  }

  private static void migrate(Path file) {
    try {
      Flyway.configure(SqliteDatabase.class.getClassLoader())
          .dataSource(url(file), "", "")
          .locations("classpath:db/migration")
          // Never the console: `scalpel usage --json` prints to stdout.
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new RequestLogException(
          file + ": cannot migrate the request log schema (" + e.getMessage() + ")", e);
    }
  }
}
