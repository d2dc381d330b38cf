package dev.scalpel.gateway.routing;

import dev.scalpel.core.route.RouteDecision;
import dev.scalpel.learn.Prediction;
import java.util.Map;

/** The router's decision for one request and the specialists' predictions behind it. */
public record Routing(RouteDecision decision, Map<String, Prediction> predictions) {
  public Routing {
    predictions = Map.copyOf(predictions);
  }
}
