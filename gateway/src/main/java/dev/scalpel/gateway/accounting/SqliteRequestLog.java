package dev.scalpel.gateway.accounting;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The SQLite {@link RequestLog}: appends go through the {@link GroupCommitWriter}; reads open a
 * short-lived read-only connection each, which WAL lets run beside the writer.
 */
final class SqliteRequestLog implements RequestLog {
  private final Path file;
  private final RequestLogOptions options;
  private final GroupCommitWriter writer;
  private final String synchronous;

  private SqliteRequestLog(
      Path file, RequestLogOptions options, GroupCommitWriter writer, String synchronous) {
    this.file = file;
    this.options = options;
    this.writer = writer;
    this.synchronous = synchronous;
  }

  static SqliteRequestLog open(Path file, RequestLogOptions options) {
    Path absolute = file.toAbsolutePath();
    SqliteDatabase.prepare(absolute, options);
    Connection connection = null;
    String synchronous;
    try {
      connection = SqliteDatabase.connectWriter(absolute, options);
      synchronous = SqliteDatabase.pragma(connection, "synchronous");
    } catch (SQLException e) {
      if (connection != null) {
        SqliteDatabase.closeAfterFailure(connection, e);
      }
      throw new RequestLogException(
          absolute + ": cannot open the request log for writing (" + e.getMessage() + ")", e);
    }
    return new SqliteRequestLog(
        absolute, options, GroupCommitWriter.start(absolute, connection, options), synchronous);
  }

  @Override
  public Path file() {
    return file;
  }

  @Override
  public void append(RequestRecord record) {
    CompletableFuture<Void> committed = writer.submit(record);
    try {
      committed.get();
    } catch (ExecutionException e) {
      throw new RequestLogException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RequestLogException(
          file
              + ": interrupted while waiting for request "
              + record.id()
              + " to be committed (it may still be logged)",
          e);
    }
  }

  @Override
  public Optional<RequestRecord> find(String id) {
    try (Connection c = SqliteDatabase.connectReader(file, options);
        PreparedStatement select = c.prepareStatement(RequestRows.SELECT_BY_ID)) {
      select.setString(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(RequestRows.read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw readFailure(e);
    }
  }

  @Override
  public List<UsageRow> usage(UsageQuery query) {
    try (Connection c = SqliteDatabase.connectReader(file, options)) {
      return UsageReader.read(c, query);
    } catch (SQLException e) {
      throw readFailure(e);
    }
  }

  @Override
  public long count() {
    try (Connection c = SqliteDatabase.connectReader(file, options);
        PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM request_log");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw readFailure(e);
    }
  }

  @Override
  public void close() {
    writer.close();
  }

  /** The writer, for tests of the batching. */
  GroupCommitWriter writer() {
    return writer;
  }

  /** {@code PRAGMA synchronous} of the writer's connection: 1 NORMAL, 2 FULL. */
  String synchronous() {
    return synchronous;
  }

  private RequestLogException readFailure(SQLException e) {
    return new RequestLogException(
        file + ": cannot read the request log (" + e.getMessage() + ")", e);
  }
}
