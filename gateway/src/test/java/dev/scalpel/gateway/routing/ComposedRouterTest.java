package dev.scalpel.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.core.route.RouteDecision;
import dev.scalpel.gateway.config.ConversationConfig;
import dev.scalpel.gateway.config.LabelAction;
import dev.scalpel.gateway.config.RoutingConfig;
import dev.scalpel.gateway.config.RoutingRule;
import dev.scalpel.gateway.config.RoutingRule.RuleAction;
import dev.scalpel.gateway.config.SpecialistConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules over composed specialists and conversation stickiness, with the real example model loaded
 * twice: as the deciding {@code intent} specialist and as a second specialist, {@code mood}, whose
 * verdicts the rules read.
 */
class ComposedRouterTest {
  private static final Path MODEL =
      Path.of("..", "examples", "quickstart", "support.scalpel").toAbsolutePath().normalize();
  private static final Map<String, LabelAction> LABELS =
      Map.of(
          "track_order", new LabelAction.Template("Follow your order online."),
          "charging_problem", new LabelAction.Escalate("", "Help step by step."),
          "battery_range", new LabelAction.Escalate("large", "Be practical."),
          "speak_to_human", new LabelAction.Handoff("asked for a person"));

  private static SpecialistPool pool;

  @BeforeAll
  static void load() {
    pool =
        SpecialistPool.load(
            List.of(
                new SpecialistConfig("intent", MODEL, null),
                new SpecialistConfig("mood", MODEL, null)));
  }

  @AfterAll
  static void close() {
    if (pool != null) {
      pool.close();
    }
  }

  private static Router router(RoutingRule... rules) {
    return new Router(
        new RoutingConfig("intent", LABELS, List.of(rules), ConversationConfig.defaults(), "Bye."),
        pool,
        true);
  }

  private static RoutingRule rule(String label, double minConfidence, RuleAction action) {
    return new RoutingRule("mood", Set.of(label), minConfidence, action);
  }

  @Test
  void everySpecialistScoresTheRequest() {
    Routing routing = router().route("Where is my order?", true);

    assertThat(routing.predictions()).containsOnlyKeys("intent", "mood");
    assertThat(routing.predictions().get("mood").label()).isEqualTo("track_order");
    assertThat(routing.predictions().get("mood").confidence())
        .isEqualTo(routing.predictions().get("intent").confidence());
  }

  @Test
  void aHandoffRuleOverridesALocalAnswerAndIsAttributedToItsSpecialist() {
    Routing routing =
        router(rule("track_order", 0, new RuleAction.Handoff("mood says upset")))
            .route("Where is my order?", true);

    assertThat(routing.decision())
        .isInstanceOfSatisfying(
            RouteDecision.Handoff.class,
            h -> {
              assertThat(h.reason()).isEqualTo("mood says upset");
              assertThat(h.specialist()).isEqualTo("mood");
              assertThat(h.label()).isEqualTo("track_order");
            });
    assertThat(routing.reason()).isEqualTo("mood says upset");
  }

  @Test
  void aRuleBelowItsMinimumConfidenceDoesNotApply() {
    Routing routing =
        router(rule("track_order", 1.0, new RuleAction.Handoff("never")))
            .route("Where is my order?", true);

    assertThat(routing.decision()).isInstanceOf(RouteDecision.Local.class);
  }

  @Test
  void anEscalationRuleNamesItsTierAndPrompt() {
    RouteDecision decision =
        router(rule("track_order", 0, new RuleAction.Escalate("vip", "Be kind.")))
            .route("Where is my order?", true)
            .decision();

    assertThat(decision)
        .isEqualTo(
            new RouteDecision.Escalate(
                "vip",
                "rule mood=track_order",
                "Be kind.",
                "mood",
                "track_order",
                ((RouteDecision.Escalate) decision).confidence()));
  }

  @Test
  void aTierRulePicksTheTierOfEscalationsWithoutOne() {
    Router router = router(rule("charging_problem", 0, new RuleAction.Tier("ebike-tier")));

    RouteDecision charging = router.route("My battery won't charge", true).decision();
    RouteDecision local = router.route("Where is my order?", true).decision();

    assertThat(charging)
        .isInstanceOfSatisfying(
            RouteDecision.Escalate.class,
            e -> {
              assertThat(e.tier()).isEqualTo("ebike-tier");
              assertThat(e.systemPrompt()).isEqualTo("Help step by step.");
              assertThat(e.specialist()).isEqualTo("intent");
            });
    assertThat(local).isInstanceOf(RouteDecision.Local.class);
  }

  @Test
  void aLabelsOwnTierWinsOverATierRule() {
    RouteDecision decision =
        router(rule("battery_range", 0, new RuleAction.Tier("ebike-tier")))
            .route("How far can I ride on one battery charge?", true)
            .decision();

    assertThat(decision)
        .isInstanceOfSatisfying(
            RouteDecision.Escalate.class, e -> assertThat(e.tier()).isEqualTo("large"));
  }

  @Test
  void theFirstMatchingDecidingRuleWins() {
    RouteDecision decision =
        router(
                rule("track_order", 0, new RuleAction.Tier("t1")),
                rule("track_order", 0, new RuleAction.Handoff("first")),
                rule("track_order", 0, new RuleAction.Handoff("second")))
            .route("Where is my order?", true)
            .decision();

    assertThat(decision)
        .isInstanceOfSatisfying(
            RouteDecision.Handoff.class, h -> assertThat(h.reason()).isEqualTo("first"));
  }

  @Test
  void anEscalatedConversationKeepsItsTierAndPromptForAVagueTurn() {
    RouteDecision decision =
        router()
            .route(
                "Tell me a joke about penguins",
                true,
                new ConversationState.Escalated("large", "Be practical."))
            .decision();

    assertThat(decision)
        .isInstanceOfSatisfying(
            RouteDecision.Escalate.class,
            e -> {
              assertThat(e.tier()).isEqualTo("large");
              assertThat(e.systemPrompt()).isEqualTo("Be practical.");
              assertThat(e.reason()).isEqualTo("conversation already escalated");
            });
  }

  @Test
  void aConfidentTurnLeavesAnEscalatedConversationForItsLabelsAction() {
    Routing local =
        router().route("Where is my order?", true, new ConversationState.Escalated("large", "P."));
    Routing handoff =
        router()
            .route(
                "I want to speak to a human", true, new ConversationState.Escalated("large", "P."));

    assertThat(local.decision()).isInstanceOf(RouteDecision.Local.class);
    assertThat(handoff.decision()).isInstanceOf(RouteDecision.Handoff.class);
  }

  @Test
  void anEscalatedConversationWithToolsStaysOnItsTier() {
    RouteDecision decision =
        router()
            .route("Where is my order?", false, new ConversationState.Escalated("large", "P."))
            .decision();

    assertThat(decision)
        .isInstanceOfSatisfying(
            RouteDecision.Escalate.class,
            e -> {
              assertThat(e.tier()).isEqualTo("large");
              assertThat(e.reason()).isEqualTo("tools or non-text content");
            });
  }
}
