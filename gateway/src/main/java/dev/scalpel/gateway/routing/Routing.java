package dev.scalpel.gateway.routing;

import dev.scalpel.core.route.RouteDecision;
import dev.scalpel.learn.Prediction;
import java.util.Map;

/** The router's decision for one request and the specialists' predictions behind it. */
public record Routing(RouteDecision decision, Map<String, Prediction> predictions) {
  public Routing {
    predictions = Map.copyOf(predictions);
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
