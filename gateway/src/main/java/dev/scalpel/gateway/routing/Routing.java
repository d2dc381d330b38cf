package dev.scalpel.gateway.routing;

import dev.scalpel.core.route.RouteDecision;
import dev.scalpel.knowledge.Source;
import dev.scalpel.learn.Prediction;
import java.util.List;
import java.util.Map;

/**
 * The router's decision for one request, the specialists' predictions behind it, and the
 * knowledge-base passages the answer or the escalation's grounding comes from (empty when none).
 */
public record Routing(
    RouteDecision decision, Map<String, Prediction> predictions, List<Source> sources) {
  public Routing {
    predictions = Map.copyOf(predictions);
    sources = List.copyOf(sources);
  }

  public Routing(RouteDecision decision, Map<String, Prediction> predictions) {
    this(decision, predictions, List.of());
  }

  /** Why the request was routed so, for the request log. */
  public String reason() {
    return switch (decision) {
      case RouteDecision.Local l -> "confident " + l.label() + " answered from its template";
      case RouteDecision.Escalate e -> e.reason();
      case RouteDecision.Handoff h -> h.reason();
      case RouteDecision.Reject r -> r.reason();
    };
  }
}
