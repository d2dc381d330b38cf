package dev.scalpel.gateway.accounting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Answers a {@link UsageQuery} with one aggregate query over {@code request_log}. */
final class UsageReader {
  /** The group of requests without an API key or a label. */
  static final String NONE = "(none)";

  private UsageReader() {}

  static List<UsageRow> read(Connection connection, UsageQuery query) throws SQLException {
    String sql =
        "SELECT "
            + groupExpression(query.by())
            + " AS grp, COUNT(*), SUM(route = 'local'), SUM(cost_nano_usd),"
            + " SUM(counterfactual_cost_nano_usd)"
            + " FROM request_log WHERE time_ms >= ?"
            // Without GROUP BY an aggregate yields exactly one row, even over no requests.
            + (query.by() == UsageGrouping.TOTAL ? "" : " GROUP BY grp ORDER BY grp");
    List<UsageRow> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, query.since().toEpochMilli());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long requests = rs.getLong(2);
          long local = rs.getLong(3);
          long cost = rs.getLong(4);
          long counterfactual = rs.getLong(5);
          rows.add(
              new UsageRow(
                  rs.getString(1),
                  requests,
                  requests == 0 ? 0 : (double) local / requests,
                  RequestRows.toUsd(cost),
                  RequestRows.toUsd(counterfactual),
                  RequestRows.toUsd(counterfactual - cost)));
        }
      }
    }
    return rows;
  }

  private static String groupExpression(UsageGrouping by) {
    return switch (by) {
      case TOTAL -> "'total'";
      case KEY -> "COALESCE(api_key_id, '" + NONE + "')";
      case ROUTE -> "route";
      case LABEL -> "COALESCE(label, '" + NONE + "')";
      case DAY -> "strftime('%Y-%m-%d', time_ms / 1000, 'unixepoch')";
    };
  }
}
