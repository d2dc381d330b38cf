package dev.scalpel.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * How requests are routed: the specialist whose verdict decides, the action per label, the rules
 * that combine the verdicts of other specialists, conversation stickiness, and the reply sent when
 * a request is handed off to a person.
 */
public record RoutingConfig(
    String specialist,
    Map<String, LabelAction> labels,
    List<RoutingRule> rules,
    ConversationConfig conversations,
    String handoffReply) {
  public RoutingConfig {
    labels = Map.copyOf(labels);
    rules = List.copyOf(rules);
  }
}
