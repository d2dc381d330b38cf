package dev.scalpel.gateway.config;

import dev.scalpel.knowledge.AnswerTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code routing} section: the deciding specialist, label actions, rules over the other
 * specialists' verdicts, conversation stickiness and the hand-off reply. References to specialists
 * and tiers are checked here; labels are checked against the models when they are loaded.
 */
final class RoutingReader {
  private final Set<String> specialists;
  private final Set<String> tiers;
  private final Set<String> knowledgeBases;

  RoutingReader(Set<String> specialists, Set<String> tiers, Set<String> knowledgeBases) {
    this.specialists = specialists;
    this.tiers = tiers;
    this.knowledgeBases = knowledgeBases;
  }

  RoutingConfig read(ConfigNode node, String firstSpecialist) {
    node.onlyKeys(Set.of("specialist", "labels", "rules", "conversations", "handoff_reply"));
    String specialist = node.get("specialist").string(firstSpecialist);
    if (!specialist.isEmpty()) {
      checkSpecialist(node.get("specialist"), specialist);
    }
    Map<String, LabelAction> labels = new LinkedHashMap<>();
    ConfigNode labelsNode = node.get("labels");
    for (String label : labelsNode.fieldNames()) {
      labels.put(label, action(labelsNode.get(label)));
    }
    List<RoutingRule> rules = new ArrayList<>();
    for (ConfigNode rule : node.get("rules").list()) {
      rules.add(rule(rule));
    }
    return new RoutingConfig(
        specialist,
        labels,
        rules,
        conversations(node.get("conversations")),
        node.get("handoff_reply")
            .string("Thank you. A member of our team will get back to you shortly."));
  }

  private LabelAction action(ConfigNode node) {
    node.onlyKeys(Set.of("answer", "escalate", "handoff", "answer_from_kb"));
    String given = exactlyOne(node, List.of("answer", "escalate", "handoff", "answer_from_kb"));
    return switch (given) {
      case "answer" -> new LabelAction.Template(node.get("answer").requiredString());
      case "handoff" ->
          new LabelAction.Handoff(node.get("handoff").string("handed off by routing rule"));
      case "answer_from_kb" -> {
        ConfigNode k = node.get("answer_from_kb").onlyKeys(Set.of("kb", "template", "passages"));
        String template = k.get("template").string(AnswerTemplate.DEFAULT);
        int passages = k.get("passages").integer(1, 1, 10);
        try {
          new AnswerTemplate(template, passages);
        } catch (IllegalArgumentException e) {
          throw k.get("template").error(e.getMessage());
        }
        yield new LabelAction.Knowledge(knowledge(k.get("kb")), template, passages);
      }
      default -> {
        ConfigNode e = node.get("escalate").onlyKeys(Set.of("tier", "system_prompt", "kb"));
        yield new LabelAction.Escalate(
            tier(e.get("tier")), e.get("system_prompt").string(""), knowledge(e.get("kb")));
      }
    };
  }

  private RoutingRule rule(ConfigNode node) {
    node.onlyKeys(Set.of("when", "handoff", "escalate", "tier", "kb"));
    ConfigNode when = node.get("when");
    if (when.isMissing()) {
      throw node.error("a rule needs 'when: {specialist: ..., label: ...}'");
    }
    when.onlyKeys(Set.of("specialist", "label", "min_confidence"));
    String specialist = when.get("specialist").requiredString();
    checkSpecialist(when.get("specialist"), specialist);
    Set<String> labels = new LinkedHashSet<>();
    ConfigNode label = when.get("label");
    if (label.isList()) {
      for (ConfigNode l : label.list()) {
        labels.add(l.requiredString());
      }
      if (labels.isEmpty()) {
        throw label.error("expected at least one label");
      }
    } else {
      labels.add(label.requiredString());
    }
    double minConfidence = when.get("min_confidence").decimal(0, 0, 1);
    String given = exactlyOne(node, List.of("handoff", "escalate", "tier", "kb"));
    RoutingRule.RuleAction action =
        switch (given) {
          case "handoff" ->
              new RoutingRule.RuleAction.Handoff(
                  node.get("handoff").string(specialist + " said " + String.join(" or ", labels)));
          case "tier" -> {
            String tier = tier(node.get("tier"));
            if (tier.isEmpty()) {
              throw node.get("tier").error("expected the name of a tier");
            }
            yield new RoutingRule.RuleAction.Tier(tier);
          }
          case "kb" -> {
            String kb = knowledge(node.get("kb"));
            if (kb.isEmpty()) {
              throw node.get("kb").error("expected the name of a knowledge base");
            }
            yield new RoutingRule.RuleAction.Knowledge(kb);
          }
          default -> {
            ConfigNode e = node.get("escalate").onlyKeys(Set.of("tier", "system_prompt"));
            yield new RoutingRule.RuleAction.Escalate(
                tier(e.get("tier")), e.get("system_prompt").string(""));
          }
        };
    return new RoutingRule(specialist, labels, minConfidence, action);
  }

  private static ConversationConfig conversations(ConfigNode node) {
    node.onlyKeys(Set.of("sticky", "min_confidence", "ttl", "max"));
    ConversationConfig d = ConversationConfig.defaults();
    return new ConversationConfig(
        node.get("sticky").bool(d.sticky()),
        node.get("min_confidence").decimal(d.minConfidence(), 0, 1),
        node.get("ttl").duration(d.ttl()),
        node.get("max").integer(d.maxConversations(), 1, 10_000_000));
  }

  private String tier(ConfigNode node) {
    String tier = node.string("");
    if (!tier.isEmpty() && !tiers.contains(tier)) {
      throw node.error("no tier named '" + tier + "' (tiers: " + tiers + ")");
    }
    return tier;
  }

  private String knowledge(ConfigNode node) {
    String kb = node.string("");
    if (!kb.isEmpty() && !knowledgeBases.contains(kb)) {
      throw node.error(
          "no knowledge base named '" + kb + "' (knowledge bases: " + knowledgeBases + ")");
    }
    return kb;
  }

  private void checkSpecialist(ConfigNode node, String name) {
    if (!specialists.contains(name)) {
      throw node.error("no specialist named '" + name + "' (specialists: " + specialists + ")");
    }
  }

  private static String exactlyOne(ConfigNode node, List<String> choices) {
    List<String> given = node.fieldNames().stream().filter(choices::contains).toList();
    if (given.size() != 1) {
      String options =
          String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.getLast();
      throw node.error("expected exactly one of " + options + ", found " + given);
    }
    return given.getFirst();
  }
}
