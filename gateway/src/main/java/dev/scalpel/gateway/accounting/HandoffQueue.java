package dev.scalpel.gateway.accounting;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queue of requests handed off to a person: every hand-off the gateway answered (with the
 * configured reply) until someone resolves it. It lives in the request log's database ({@code
 * <dataDir>/scalpel.db}), so a hand-off is queued in the same commit that accounts for it. Safe to
 * use while a gateway writes to the same database.
 */
public final class HandoffQueue {
  private static final String SELECT =
      "SELECT r.id, r.time_ms, r.api_key_id, r.specialist, r.label, r.confidence, r.reason,"
          + " r.request_text, r.conversation, h.time_ms, h.resolved_by, h.note"
          + " FROM request_log r LEFT JOIN handoff_resolution h ON h.request_id = r.id"
          + " WHERE r.route = 'handoff' AND r.status = 200";

  private final Path file;
  private final RequestLogOptions options;
  private final Clock clock;

  private HandoffQueue(Path file, RequestLogOptions options, Clock clock) {
    this.file = file;
    this.options = options;
    this.clock = clock;
  }

  /**
   * Opens the queue of {@code dataDir} (creating and migrating the database if needed).
   *
   * @throws RequestLogException naming the file when it cannot be opened or migrated
   */
  public static HandoffQueue open(Path dataDir) {
    return open(dataDir, Clock.systemUTC());
  }

  /** The same, with another clock for resolution times. */
  public static HandoffQueue open(Path dataDir, Clock clock) {
    Path file = RequestLog.databaseFile(dataDir).toAbsolutePath();
    RequestLogOptions options = RequestLogOptions.defaults();
    SqliteDatabase.prepare(file, options);
    return new HandoffQueue(file, options, clock);
  }

  /**
   * Hand-offs oldest first, at most {@code limit}: the open ones, or all of them when {@code
   * includeResolved}.
   */
  public List<Handoff> list(boolean includeResolved, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, found " + limit);
    }
    String sql =
        SELECT
            + (includeResolved ? "" : " AND h.request_id IS NULL")
            + " ORDER BY r.time_ms, r.id LIMIT ?";
    try (Connection c = SqliteDatabase.connectReader(file, options);
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setInt(1, limit);
      List<Handoff> handoffs = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          handoffs.add(read(rs));
        }
      }
      return handoffs;
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /** How many hand-offs are open. */
  public long openCount() {
    String sql =
        "SELECT COUNT(*) FROM request_log r LEFT JOIN handoff_resolution h"
            + " ON h.request_id = r.id"
            + " WHERE r.route = 'handoff' AND r.status = 200 AND h.request_id IS NULL";
    try (Connection c = SqliteDatabase.connectReader(file, options);
        PreparedStatement select = c.prepareStatement(sql);
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /** The hand-off of request {@code requestId}, if that request was handed off. */
  public Optional<Handoff> find(String requestId) {
    try (Connection c = SqliteDatabase.connectReader(file, options);
        PreparedStatement select = c.prepareStatement(SELECT + " AND r.id = ?")) {
      select.setString(1, requestId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /**
   * Marks the hand-off of {@code requestId} as dealt with, by {@code resolvedBy}, with an optional
   * note; returns it as it now is.
   *
   * @throws HandoffException when the request was not handed off or is already resolved
   */
  public Handoff resolve(String requestId, String resolvedBy, String note) {
    Handoff handoff =
        find(requestId)
            .orElseThrow(() ->
                new HandoffException(
                    "no hand-off with request id '"
                        + requestId
                        + "' (see `scalpel handoffs list` for the open ones)"));
    if (!handoff.open()) {
      throw new HandoffException(
          "the hand-off of "
              + requestId
              + " was already resolved by "
              + handoff.resolvedBy()
              + " at "
              + handoff.resolvedAt());
    }
    String insert =
        "INSERT INTO handoff_resolution (request_id, time_ms, resolved_by, note) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (request_id) DO NOTHING";
    try (Connection c = SqliteDatabase.connectWriter(file, options);
        PreparedStatement s = c.prepareStatement(insert)) {
      s.setString(1, requestId);
      s.setLong(2, clock.instant().toEpochMilli());
      s.setString(3, resolvedBy);
      s.setString(4, note.isEmpty() ? null : note);
      int inserted = s.executeUpdate();
      c.commit();
      if (inserted == 0) {
        throw new HandoffException("the hand-off of " + requestId + " was resolved meanwhile");
      }
    } catch (SQLException e) {
      throw failure("write", e);
    }
    return find(requestId).orElseThrow();
  }

  private static Handoff read(ResultSet rs) throws SQLException {
    double confidence = rs.getDouble(6);
    boolean noConfidence = rs.wasNull();
    long resolvedMs = rs.getLong(10);
    boolean open = rs.wasNull();
    return new Handoff(
        rs.getString(1),
        Instant.ofEpochMilli(rs.getLong(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        noConfidence ? null : confidence,
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        open ? null : Instant.ofEpochMilli(resolvedMs),
        rs.getString(11),
        rs.getString(12));
  }

  private RequestLogException failure(String what, SQLException e) {
    return new RequestLogException(
        file + ": cannot " + what + " the hand-off queue (" + e.getMessage() + ")", e);
  }
}
