package dev.scalpel.gateway.accounting;

import java.util.Objects;

/**
 * Totals of one group of requests. Serialized with Scalpel's JSON conventions it has exactly the
 * keys of {@code scalpel usage --json}: {@code group}, {@code requests}, {@code local_share},
 * {@code cost_usd}, {@code counterfactual_cost_usd}, {@code savings_usd}.
 *
 * @param group the API key id, route, label or UTC day (yyyy-MM-dd); {@code total} when not
 *     grouped; {@code (none)} for requests without a key or label
 * @param requests how many requests
 * @param localShare share answered locally by a specialist, in [0, 1] (0 when there are none)
 * @param costUsd what they cost
 * @param counterfactualCostUsd what they would have cost on the default generalist
 * @param savingsUsd counterfactual cost minus cost (negative when routing cost more)
 */
public record UsageRow(
    String group,
    long requests,
    double localShare,
    double costUsd,
    double counterfactualCostUsd,
    double savingsUsd) {

  public UsageRow {
    Objects.requireNonNull(group, "group");
    if (requests < 0) {
      throw new IllegalArgumentException(group + ": requests must be >= 0, found " + requests);
    }
    if (!(localShare >= 0 && localShare <= 1)) {
      throw new IllegalArgumentException(
          group + ": localShare must be in [0, 1], found " + localShare);
    }
  }
}
