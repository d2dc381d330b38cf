package dev.scalpel.gateway.accounting;

import static dev.scalpel.gateway.accounting.Records.T0;
import static dev.scalpel.gateway.accounting.Records.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.core.route.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Totals over six requests on two days, two keys (and one without), four routes, two labels. */
class UsageTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);

  @TempDir Path dir;
  private RequestLog log;

  @BeforeEach
  void fill() {
    log = RequestLog.open(dir);
    log.append(record("a1", T0, "k1", Route.LOCAL, "track_order", 0, 0.01));
    log.append(record("a2", T0.plus(HOUR), "k1", Route.LOCAL, "refund", 0, 0.02));
    log.append(
        record("a3", T0.plus(HOUR.multipliedBy(2)), "k2", Route.ESCALATED, "refund", 0.25, 0.25));
    log.append(record("a4", T0.plus(DAY), "k2", Route.PASSTHROUGH, "", 0.5, 0.5));
    log.append(record("a5", T0.plus(DAY).plus(HOUR), "k1", Route.LOCAL, "track_order", 0, 0.03));
    log.append(record("a6", T0.plus(DAY).plus(HOUR.multipliedBy(2)), "", Route.REJECTED, "", 0, 0));
  }

  @AfterEach
  void close() {
    log.close();
  }

  private List<UsageRow> usage(UsageGrouping by) {
    return log.usage(UsageQuery.allTime(by));
  }

  @Test
  void total() {
    assertThat(usage(UsageGrouping.TOTAL))
        .containsExactly(new UsageRow("total", 6, 0.5, 0.75, 0.81, 0.06));
  }

  @Test
  void byKey() {
    assertThat(usage(UsageGrouping.KEY))
        .containsExactly(
            new UsageRow("(none)", 1, 0, 0, 0, 0),
            new UsageRow("k1", 3, 1, 0, 0.06, 0.06),
            new UsageRow("k2", 2, 0, 0.75, 0.75, 0));
  }

  @Test
  void byRoute() {
    assertThat(usage(UsageGrouping.ROUTE))
        .containsExactly(
            new UsageRow("escalated", 1, 0, 0.25, 0.25, 0),
            new UsageRow("local", 3, 1, 0, 0.06, 0.06),
            new UsageRow("passthrough", 1, 0, 0.5, 0.5, 0),
            new UsageRow("rejected", 1, 0, 0, 0, 0));
  }

  @Test
  void byLabel() {
    assertThat(usage(UsageGrouping.LABEL))
        .containsExactly(
            new UsageRow("(none)", 2, 0, 0.5, 0.5, 0),
            new UsageRow("refund", 2, 0.5, 0.25, 0.27, 0.02),
            new UsageRow("track_order", 2, 1, 0, 0.04, 0.04));
  }

  @Test
  void byUtcDay() {
    assertThat(usage(UsageGrouping.DAY))
        .containsExactly(
            new UsageRow("2026-11-01", 3, 2.0 / 3, 0.25, 0.28, 0.03),
            new UsageRow("2026-11-02", 3, 1.0 / 3, 0.5, 0.53, 0.03));
  }

  @Test
  void sinceIsInclusive() {
    assertThat(log.usage(new UsageQuery(T0.plus(DAY), UsageGrouping.TOTAL)))
        .containsExactly(new UsageRow("total", 3, 1.0 / 3, 0.5, 0.53, 0.03));
    assertThat(log.usage(new UsageQuery(T0.plus(DAY).plusMillis(1), UsageGrouping.ROUTE)))
        .containsExactly(
            new UsageRow("local", 1, 1, 0, 0.03, 0.03), new UsageRow("rejected", 1, 0, 0, 0, 0));
  }

  @Test
  void nothingSelectedGivesAZeroTotalAndNoGroups() {
    UsageQuery future = new UsageQuery(T0.plus(DAY.multipliedBy(30)), UsageGrouping.TOTAL);

    assertThat(log.usage(future)).containsExactly(new UsageRow("total", 0, 0, 0, 0, 0));
    assertThat(log.usage(new UsageQuery(future.since(), UsageGrouping.DAY))).isEmpty();
  }

  @Test
  void savingsAreNegativeWhenRoutingCostMore() {
    log.append(record("a7", T0.plus(DAY), "k3", Route.ESCALATED, "", 0.4, 0.1));

    assertThat(log.usage(new UsageQuery(T0.plus(DAY), UsageGrouping.KEY)))
        .contains(new UsageRow("k3", 1, 0, 0.4, 0.1, -0.3));
  }
}
