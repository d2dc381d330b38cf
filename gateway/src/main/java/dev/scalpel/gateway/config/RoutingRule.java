package dev.scalpel.gateway.config;

import java.util.Set;

/**
 * A rule that combines the verdicts of the specialists composed on a request: when {@code
 * specialist} answers (confident and in scope) with one of {@code labels} at {@code minConfidence}
 * or above, {@code action} applies. Rules are tried in the order of the configuration, before the
 * deciding specialist's label action: the first hand-off or escalation rule that matches decides
 * the route; a tier rule only picks the tier that escalations of this request start at, a knowledge
 * rule the knowledge base its knowledge answers and grounding come from.
 */
public record RoutingRule(
    String specialist, Set<String> labels, double minConfidence, RuleAction action) {
  public RoutingRule {
    if (specialist == null || specialist.isBlank()) {
      throw new IllegalArgumentException("a rule needs a specialist");
    }
    labels = Set.copyOf(labels);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one label");
    }
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException(
          "min_confidence must be in [0, 1], found " + minConfidence);
    }
  }

  /** What a matching rule does. */
  public sealed interface RuleAction {
    /** Hand the request to a person, whatever the deciding specialist said. */
    record Handoff(String reason) implements RuleAction {}

    /** Send the request to a generalist (from {@code tier}; empty for the default chain). */
    record Escalate(String tier, String systemPrompt) implements RuleAction {}

    /** Start this request's escalations at {@code tier}; the route is decided as usual. */
    record Tier(String tier) implements RuleAction {}

    /**
     * Answer and ground this request from knowledge base {@code kb} where a label does not name
     * one.
     */
    record Knowledge(String kb) implements RuleAction {}
  }
}
