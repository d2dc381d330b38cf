package dev.scalpel.gateway.accounting;

import dev.scalpel.core.route.Route;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Maps {@link RequestRecord}s to and from rows of the {@code request_log} table (see {@code
 * db/migration/V*.sql}): empty texts become NULL, money integer nano-dollars.
 */
final class RequestRows {
  static final String INSERT =
      "INSERT INTO request_log (id, time_ms, api_key_id, route, specialist, model_version, label,"
          + " confidence, upstream, upstream_model, tokens_in, tokens_out, cost_nano_usd,"
          + " counterfactual_cost_nano_usd, latency_ms, status, error, request_text, reason,"
          + " conversation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Every column, in the order {@link #read} expects them. */
  static final String COLUMNS =
      "id, time_ms, api_key_id, route, specialist, model_version, label, confidence,"
          + " upstream, upstream_model, tokens_in, tokens_out, cost_nano_usd,"
          + " counterfactual_cost_nano_usd, latency_ms, status, error, request_text, reason,"
          + " conversation";

  static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM request_log WHERE id = ?";

  private static final double NANOS_PER_USD = 1e9;

  private RequestRows() {}

  static void bind(PreparedStatement insert, RequestRecord r) throws SQLException {
    insert.setString(1, r.id());
    insert.setLong(2, r.time().toEpochMilli());
    text(insert, 3, r.apiKeyId());
    insert.setString(4, r.route().wireName());
    text(insert, 5, r.specialist());
    text(insert, 6, r.modelVersion());
    text(insert, 7, r.label());
    if (r.confidence() == null) {
      insert.setNull(8, Types.REAL);
    } else {
      insert.setDouble(8, r.confidence());
    }
    text(insert, 9, r.upstream());
    text(insert, 10, r.upstreamModel());
    insert.setLong(11, r.tokensIn());
    insert.setLong(12, r.tokensOut());
    insert.setLong(13, toNanoUsd(r.costUsd()));
    insert.setLong(14, toNanoUsd(r.counterfactualCostUsd()));
    insert.setDouble(15, r.latencyMs());
    insert.setInt(16, r.status());
    text(insert, 17, r.error());
    text(insert, 18, r.requestText());
    text(insert, 19, r.reason());
    text(insert, 20, r.conversation());
  }

  /** The record in the current row of a {@link #SELECT_BY_ID} result. */
  static RequestRecord read(ResultSet rs) throws SQLException {
    double confidence = rs.getDouble(8);
    boolean noConfidence = rs.wasNull();
    return new RequestRecord(
        rs.getString(1),
        Instant.ofEpochMilli(rs.getLong(2)),
        rs.getString(3),
        Route.fromWire(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        noConfidence ? null : confidence,
        rs.getString(9),
        rs.getString(10),
        rs.getLong(11),
        rs.getLong(12),
        toUsd(rs.getLong(13)),
        toUsd(rs.getLong(14)),
        rs.getDouble(15),
        rs.getInt(16),
        rs.getString(17),
        rs.getString(18),
        rs.getString(19),
        rs.getString(20));
  }

  static long toNanoUsd(double usd) {
    return Math.round(usd * NANOS_PER_USD);
  }

  static double toUsd(long nanoUsd) {
    return nanoUsd / NANOS_PER_USD;
  }

  private static void text(PreparedStatement insert, int index, String value) throws SQLException {
    if (value.isEmpty()) {
      insert.setNull(index, Types.VARCHAR);
    } else {
      insert.setString(index, value);
    }
  }
}
