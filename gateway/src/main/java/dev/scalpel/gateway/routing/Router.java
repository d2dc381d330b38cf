package dev.scalpel.gateway.routing;

import dev.scalpel.core.route.RouteDecision;
import dev.scalpel.gateway.config.LabelAction;
import dev.scalpel.gateway.config.RoutingConfig;
import dev.scalpel.learn.Prediction;
import java.util.Map;

/**
 * Decides where a request goes from the deciding specialist's verdict on the last user turn: a
 * confident label follows its configured action (template answer, escalation, hand-off);
 * abstentions, out-of-scope texts, labels without an action and requests that cannot be answered
 * locally (tools, non-text parts) escalate. With no generalist configured, escalations become
 * hand-offs.
 */
public final class Router {
  private final RoutingConfig config;
  private final SpecialistPool specialists;
  private final boolean generalistAvailable;

  public Router(RoutingConfig config, SpecialistPool specialists, boolean generalistAvailable) {
    this.config = config;
    this.specialists = specialists;
    this.generalistAvailable = generalistAvailable;
  }

  /** Routes a request whose last user turn is {@code text}. */
  public Routing route(String text, boolean localAllowed) {
    if (specialists.isEmpty() || text.isBlank()) {
      return new Routing(escalate("", "", "no specialist ran", "", "", 0), Map.of());
    }
    Map<String, Prediction> predictions = specialists.classify(text);
    Prediction verdict = predictions.get(config.specialist());
    String name = config.specialist();
    if (!localAllowed) {
      return new Routing(
          escalate(
              "", "", "tools or non-text content", name, verdict.label(), verdict.confidence()),
          predictions);
    }
    RouteDecision decision =
        switch (verdict.decision()) {
          case OOS -> escalate("", "", "out of scope", name, verdict.label(), verdict.confidence());
          case ABSTAIN ->
              escalate(
                  "",
                  "",
                  "below the abstain threshold",
                  name,
                  verdict.label(),
                  verdict.confidence());
          case ANSWER -> act(text, name, verdict);
        };
    return new Routing(decision, predictions);
  }

  private RouteDecision act(String text, String name, Prediction verdict) {
    LabelAction action = config.labels().get(verdict.label());
    if (action == null) {
      return escalate(
          "",
          "",
          "no action configured for this label",
          name,
          verdict.label(),
          verdict.confidence());
    }
    return switch (action) {
      case LabelAction.Template template ->
          new RouteDecision.Local(
              name,
              verdict.label(),
              verdict.confidence(),
              render(template.text(), text, verdict.label()));
      case LabelAction.Escalate e ->
          escalate(
              e.tier(),
              e.systemPrompt(),
              "configured to escalate",
              name,
              verdict.label(),
              verdict.confidence());
      case LabelAction.Handoff h ->
          new RouteDecision.Handoff(h.reason(), name, verdict.label(), verdict.confidence());
    };
  }

  private RouteDecision escalate(
      String tier,
      String systemPrompt,
      String reason,
      String specialist,
      String label,
      double confidence) {
    if (!generalistAvailable) {
      return new RouteDecision.Handoff(
          reason + "; no generalist configured", specialist, label, confidence);
    }
    return new RouteDecision.Escalate(tier, reason, systemPrompt, specialist, label, confidence);
  }

  /** The version string of a specialist, for accounting. */
  public String version(String specialist) {
    return specialist.isEmpty() ? "" : specialists.version(specialist);
  }

  static String render(String template, String text, String label) {
    return template.replace("{{text}}", text).replace("{{label}}", label);
  }
}
