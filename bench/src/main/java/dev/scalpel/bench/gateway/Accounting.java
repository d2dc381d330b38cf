package dev.scalpel.bench.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request log after the gateway stopped, next to the answers the benchmark received from it:
 * every answer must have exactly one row, per route too.
 */
record Accounting(
    long rows, Map<String, Long> rowsByRoute, long responses, Map<String, Long> responsesByRoute) {
  Accounting {
    rowsByRoute = Map.copyOf(rowsByRoute);
    responsesByRoute = Map.copyOf(responsesByRoute);
  }

  boolean matches() {
    return rows == responses && rowsByRoute.equals(responsesByRoute);
  }

  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("log_rows", rows);
    m.put("gateway_responses", responses);
    m.put("log_rows_by_route", new java.util.TreeMap<>(rowsByRoute));
    m.put("gateway_responses_by_route", new java.util.TreeMap<>(responsesByRoute));
    m.put("rows_equal_responses", matches());
    return m;
  }
}
