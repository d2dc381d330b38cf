package dev.scalpel.gateway.routing;

import dev.scalpel.core.Decision;
import dev.scalpel.core.route.RouteDecision;
import dev.scalpel.gateway.config.LabelAction;
import dev.scalpel.gateway.config.RoutingConfig;
import dev.scalpel.gateway.config.RoutingRule;
import dev.scalpel.gateway.knowledge.KnowledgeBases;
import dev.scalpel.knowledge.AnswerTemplate;
import dev.scalpel.knowledge.GroundedAnswer;
import dev.scalpel.knowledge.GroundingContext;
import dev.scalpel.knowledge.Hit;
import dev.scalpel.learn.Prediction;
import java.util.List;
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
  /** How many passages ground an escalation. */
  static final int GROUNDING_PASSAGES = 3;

  private final RoutingConfig config;
  private final SpecialistPool specialists;
  private final KnowledgeBases knowledge;
  private final boolean generalistAvailable;

  public Router(RoutingConfig config, SpecialistPool specialists, boolean generalistAvailable) {
    this(config, specialists, KnowledgeBases.none(), generalistAvailable);
  }

  public Router(
      RoutingConfig config,
      SpecialistPool specialists,
      KnowledgeBases knowledge,
      boolean generalistAvailable) {
    this.config = config;
    this.specialists = specialists;
    this.knowledge = knowledge;
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
    SpecialistPool.Scored scored = specialists.score(text);
    Map<String, Prediction> predictions = scored.predictions();
    Request request = new Request(text, scored.embedding());
    String tier = "";
    String kb = "";
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
        case RoutingRule.RuleAction.Knowledge k -> {
          if (kb.isEmpty()) {
            kb = k.kb();
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
    return switch (verdict.decision()) {
      case OOS -> new Routing(escalate(by, tier, "", "out of scope"), predictions);
      case ABSTAIN ->
          new Routing(escalate(by, tier, "", "below the abstain threshold"), predictions);
      case ANSWER -> act(request, by, tier, kb, predictions);
    };
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

  private Routing act(
      Request request,
      Verdict by,
      String ruleTier,
      String ruleKb,
      Map<String, Prediction> predictions) {
    LabelAction action = config.labels().get(by.label());
    if (action == null) {
      return new Routing(
          escalate(by, ruleTier, "", "no action configured for this label"), predictions);
    }
    return switch (action) {
      case LabelAction.Template template ->
          new Routing(
              new RouteDecision.Local(
                  by.name(),
                  by.label(),
                  by.confidence(),
                  render(template.text(), request.text(), by.label())),
              predictions);
      case LabelAction.Escalate e -> {
        String tier = e.tier().isEmpty() ? ruleTier : e.tier();
        String kb = e.kb().isEmpty() ? ruleKb : e.kb();
        if (kb.isEmpty()) {
          yield new Routing(
              escalate(by, tier, e.systemPrompt(), "configured to escalate"), predictions);
        }
        GroundingContext grounding =
            GroundingContext.of(hits(kb, request, GROUNDING_PASSAGES), GROUNDING_PASSAGES);
        yield new Routing(
            escalate(
                by,
                tier,
                withGrounding(e.systemPrompt(), grounding),
                "configured to escalate with " + kb),
            predictions,
            grounding.sources());
      }
      case LabelAction.Handoff h ->
          new Routing(
              new RouteDecision.Handoff(h.reason(), by.name(), by.label(), by.confidence()),
              predictions);
      case LabelAction.Knowledge k ->
          answerFromKnowledge(
              request, by, ruleTier, k.kb().isEmpty() ? ruleKb : k.kb(), k, predictions);
    };
  }

  private Routing answerFromKnowledge(
      Request request,
      Verdict by,
      String tier,
      String kb,
      LabelAction.Knowledge action,
      Map<String, Prediction> predictions) {
    if (kb.isEmpty()) {
      return new Routing(
          escalate(by, tier, "", "no knowledge base named for this label or by a rule"),
          predictions);
    }
    List<Hit> hits = hits(kb, request, Math.max(action.passages(), GROUNDING_PASSAGES));
    if (knowledge.closeEnough(kb, hits)) {
      GroundedAnswer answer = new AnswerTemplate(action.template(), action.passages()).render(hits);
      return new Routing(
          new RouteDecision.Local(by.name(), by.label(), by.confidence(), answer.content()),
          predictions,
          answer.sources());
    }
    String reason = "no passage of " + kb + " close enough";
    if (hits.isEmpty()) {
      return new Routing(escalate(by, tier, "", reason), predictions);
    }
    GroundingContext grounding = GroundingContext.of(hits, GROUNDING_PASSAGES);
    return new Routing(
        escalate(by, tier, grounding.prompt(), reason), predictions, grounding.sources());
  }

  private List<Hit> hits(String kb, Request request, int k) {
    float[] embedding =
        request.embedding() != null
            ? request.embedding()
            : specialists.encoder().embed(request.text());
    return knowledge.search(kb, request.text(), embedding, k);
  }

  private static String withGrounding(String systemPrompt, GroundingContext grounding) {
    return systemPrompt.isEmpty() ? grounding.prompt() : systemPrompt + "\n\n" + grounding.prompt();
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

  /** The text routed and its embedding (null when no specialist needed one). */
  private record Request(String text, float[] embedding) {}

  /** The verdict a decision is attributed to (empty name when no specialist ran). */
  private record Verdict(String name, String label, double confidence) {}
}
