package dev.scalpel.gateway.accounting;

import java.time.Instant;
import java.util.Objects;

/**
 * Which requests {@link RequestLog#usage} totals (those that arrived at or after {@code since}) and
 * how it groups them.
 */
public record UsageQuery(Instant since, UsageGrouping by) {
  public UsageQuery {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(by, "by");
    if (since.isBefore(Instant.EPOCH)) {
      throw new IllegalArgumentException("since must not be before 1970-01-01, found " + since);
    }
  }

  /** Every request in the log. */
  public static UsageQuery allTime(UsageGrouping by) {
    return new UsageQuery(Instant.EPOCH, by);
  }
}
