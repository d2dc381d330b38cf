package dev.scalpel.gateway.routing;

import dev.scalpel.core.Decision;
import dev.scalpel.core.route.RouteDecision;
import dev.scalpel.gateway.config.LabelAction;
import dev.scalpel.gateway.config.RoutingConfig;
import dev.scalpel.gateway.config.RoutingRule;
import dev.scalpel.learn.Prediction;
import java.util.Map;

/**
 * Decides where a request goes from the specialists' verdicts on the last user turn.
 *
 * <ol>
 *   <li>Rules over the composed specialists, in order: a matching hand-off or escalation rule
 *       decides (an angry customer goes to a person); a tier rule picks where escalations start.
 *   <li>Requests that cannot be answered locally (tools, non-text parts) escalate.
 *   <li>A conversation that already escalated stays with its generalist unless the deciding
 *       specialist answers at the conversation confidence or above (its label's action then applies
 *       as usual).
 *   <li>Otherwise the deciding specialist's confident label follows its configured action;
 *       abstentions, out-of-scope texts and labels without an action escalate.
 * </ol>
 *
 * With no generalist configured, escalations become hand-offs.
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

  /** Routes a fresh request whose last user turn is {@code text}. */
  public Routing route(String text, boolean localAllowed) {
    return route(text, localAllowed, ConversationState.FRESH);
  }

  /** Routes a request whose last user turn is {@code text}, in {@code conversation}. */
  public Routing route(String text, boolean localAllowed, ConversationState conversation) {
    if (specialists.isEmpty() || text.isBlank()) {
      Verdict none = new Verdict("", "", 0);
      return new Routing(escalateIn(conversation, none, "", "", "no specialist ran"), Map.of());
    }
    Map<String, Prediction> predictions = specialists.classify(text);
    String tier = "";
    for (RoutingRule rule : config.rules()) {
      Prediction p = predictions.get(rule.specialist());
      if (!matches(rule, p)) {
        continue;
      }
      Verdict by = new Verdict(rule.specialist(), p.label(), p.confidence());
      String why = rule.specialist() + "=" + p.label();
      switch (rule.action()) {
        case RoutingRule.RuleAction.Handoff h -> {
          return new Routing(
              new RouteDecision.Handoff(h.reason(), by.name(), by.label(), by.confidence()),
              predictions);
        }
        case RoutingRule.RuleAction.Escalate e -> {
          return new Routing(escalate(by, e.tier(), e.systemPrompt(), "rule " + why), predictions);
        }
        case RoutingRule.RuleAction.Tier t -> {
          if (tier.isEmpty()) {
            tier = t.tier();
          }
        }
      }
    }
    String name = config.specialist();
    Prediction verdict = predictions.get(name);
    Verdict by = new Verdict(name, verdict.label(), verdict.confidence());
    if (!localAllowed) {
      return new Routing(
          escalateIn(conversation, by, tier, "", "tools or non-text content"), predictions);
    }
    if (conversation instanceof ConversationState.Escalated sticky) {
      if (!confident(verdict)) {
        return new Routing(
            escalate(by, sticky.tier(), sticky.systemPrompt(), "conversation already escalated"),
            predictions);
      }
      tier = tier.isEmpty() ? sticky.tier() : tier;
    }
    RouteDecision decision =
        switch (verdict.decision()) {
          case OOS -> escalate(by, tier, "", "out of scope");
          case ABSTAIN -> escalate(by, tier, "", "below the abstain threshold");
          case ANSWER -> act(text, by, tier);
        };
    return new Routing(decision, predictions);
  }

  private static boolean matches(RoutingRule rule, Prediction p) {
    return p != null
        && p.decision() == Decision.ANSWER
        && rule.labels().contains(p.label())
        && p.confidence() >= rule.minConfidence();
  }

  /** Confident enough to take an escalated conversation away from its generalist. */
  private boolean confident(Prediction verdict) {
    return verdict.decision() == Decision.ANSWER
        && verdict.confidence() >= config.conversations().minConfidence();
  }

  private RouteDecision act(String text, Verdict by, String ruleTier) {
    LabelAction action = config.labels().get(by.label());
    if (action == null) {
      return escalate(by, ruleTier, "", "no action configured for this label");
    }
    return switch (action) {
      case LabelAction.Template template ->
          new RouteDecision.Local(
              by.name(), by.label(), by.confidence(), render(template.text(), text, by.label()));
      case LabelAction.Escalate e ->
          escalate(
              by,
              e.tier().isEmpty() ? ruleTier : e.tier(),
              e.systemPrompt(),
              "configured to escalate");
      case LabelAction.Handoff h ->
          new RouteDecision.Handoff(h.reason(), by.name(), by.label(), by.confidence());
    };
  }

  /** Escalates, keeping an escalated conversation on its tier and system prompt. */
  private RouteDecision escalateIn(
      ConversationState conversation, Verdict by, String tier, String systemPrompt, String reason) {
    return switch (conversation) {
      case ConversationState.Escalated sticky ->
          escalate(by, sticky.tier(), sticky.systemPrompt(), reason);
      case ConversationState.Fresh fresh -> escalate(by, tier, systemPrompt, reason);
    };
  }

  private RouteDecision escalate(Verdict by, String tier, String systemPrompt, String reason) {
    if (!generalistAvailable) {
      return new RouteDecision.Handoff(
          reason + "; no generalist configured", by.name(), by.label(), by.confidence());
    }
    return new RouteDecision.Escalate(
        tier, reason, systemPrompt, by.name(), by.label(), by.confidence());
  }

  /** The version string of a specialist, for accounting. */
  public String version(String specialist) {
    return specialist.isEmpty() ? "" : specialists.version(specialist);
  }

  static String render(String template, String text, String label) {
    return template.replace("{{text}}", text).replace("{{label}}", label);
  }

  /** The verdict a decision is attributed to (empty name when no specialist ran). */
  private record Verdict(String name, String label, double confidence) {}
}
