package dev.scalpel.gateway.accounting;

import dev.scalpel.core.route.Route;
import java.time.Instant;

/** Request records for tests. */
final class Records {
  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private Records() {}

  /** A record with the given accounting facts and plausible everything else. */
  static RequestRecord record(
      String id,
      Instant time,
      String key,
      Route route,
      String label,
      double costUsd,
      double counterfactualCostUsd) {
    RequestRecord.Builder b =
        RequestRecord.builder()
            .id(id)
            .time(time)
            .apiKeyId(key)
            .route(route)
            .tokens(12, 30)
            .cost(costUsd, counterfactualCostUsd)
            .latencyMs(4.5)
            .requestText("where is my order <ORDER_ID>?");
    if (!label.isEmpty()) {
      b.specialist("intent", "intent-7", label, 0.93);
    }
    if (route == Route.ESCALATED || route == Route.PASSTHROUGH) {
      b.upstream("large", "gpt-4o");
    }
    return b.build();
  }

  /** A local answer by key {@code k1} at {@link #T0}. */
  static RequestRecord simple(String id) {
    return record(id, T0, "k1", Route.LOCAL, "track_order", 0, 0.001);
  }
}
