package dev.scalpel.gateway.accounting;

import java.util.Locale;

/**
 * How {@link RequestLog#usage} groups its totals: one {@code total} row, or one row per API key,
 * route, label or UTC day. The lower-case names are the CLI's {@code --by} values.
 */
public enum UsageGrouping {
  TOTAL,
  KEY,
  ROUTE,
  LABEL,
  DAY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The grouping named {@code wire}, or an exception listing the valid names. */
  public static UsageGrouping fromWire(String wire) {
    for (UsageGrouping g : values()) {
      if (g.wireName().equals(wire)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "unknown grouping '" + wire + "' (expected total, key, route, label or day)");
  }
}
