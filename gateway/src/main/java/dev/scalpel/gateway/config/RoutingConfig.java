package dev.scalpel.gateway.config;

import java.util.Map;

/**
 * How requests are routed: the specialist whose verdict decides, the action per label, and the
 * reply sent when a request is handed off to a person.
 */
public record RoutingConfig(
    String specialist, Map<String, LabelAction> labels, String handoffReply) {
  public RoutingConfig {
    labels = Map.copyOf(labels);
  }
}
