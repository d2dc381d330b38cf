package dev.scalpel.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.core.Decision;
import dev.scalpel.core.route.RouteDecision;
import dev.scalpel.gateway.config.ConversationConfig;
import dev.scalpel.gateway.config.LabelAction;
import dev.scalpel.gateway.config.RoutingConfig;
import dev.scalpel.gateway.config.SpecialistConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The router over the real example support specialist: each kind of decision and its reason. */
class RouterTest {
  private static final Path MODEL =
      Path.of("..", "examples", "quickstart", "support.scalpel").toAbsolutePath().normalize();
  private static final RoutingConfig CONFIG =
      new RoutingConfig(
          "intent",
          Map.of(
              "track_order", new LabelAction.Template("You asked '{{text}}' ({{label}})."),
              "battery_range", new LabelAction.Escalate("large", "Be practical."),
              "speak_to_human", new LabelAction.Handoff("asked for a person")),
          List.of(),
          ConversationConfig.defaults(),
          "A person will reply.");

  private static SpecialistPool pool;

  @BeforeAll
  static void load() {
    pool = SpecialistPool.load(List.of(new SpecialistConfig("intent", MODEL, null)));
  }

  @AfterAll
  static void close() {
    if (pool != null) {
      pool.close();
    }
  }

  private static Router router(boolean generalist) {
    return new Router(CONFIG, pool, generalist);
  }

  @Test
  void aTemplateLabelIsAnsweredLocallyWithTheUsersWords() {
    Routing routing = router(true).route("Where is my order?", true);

    RouteDecision.Local local = (RouteDecision.Local) routing.decision();
    assertThat(local.specialist()).isEqualTo("intent");
    assertThat(local.label()).isEqualTo("track_order");
    assertThat(local.answer()).isEqualTo("You asked 'Where is my order?' (track_order).");
    assertThat(local.confidence())
        .isEqualTo(routing.predictions().get("intent").confidence())
        .isBetween(0.5, 1.0);
    assertThat(routing.predictions().get("intent").decision()).isEqualTo(Decision.ANSWER);
  }

  @Test
  void anEscalateLabelNamesItsTierAndPrompt() {
    RouteDecision decision =
        router(true).route("How far can I ride on one battery charge?", true).decision();

    assertThat(decision)
        .isInstanceOfSatisfying(
            RouteDecision.Escalate.class,
            e -> {
              assertThat(e.tier()).isEqualTo("large");
              assertThat(e.systemPrompt()).isEqualTo("Be practical.");
              assertThat(e.reason()).isEqualTo("configured to escalate");
              assertThat(e.label()).isEqualTo("battery_range");
            });
  }

  @Test
  void aHandoffLabelIsHandedOff() {
    RouteDecision decision = router(true).route("I want to speak to a human", true).decision();

    assertThat(decision)
        .isEqualTo(
            new RouteDecision.Handoff(
                "asked for a person",
                "intent",
                "speak_to_human",
                ((RouteDecision.Handoff) decision).confidence()));
  }

  @Test
  void aLabelWithoutAnActionEscalatesToTheDefaultChain() {
    RouteDecision decision = router(true).route("I want to cancel my order", true).decision();

    assertThat(decision)
        .isInstanceOfSatisfying(
            RouteDecision.Escalate.class,
            e -> {
              assertThat(e.tier()).isEmpty();
              assertThat(e.systemPrompt()).isEmpty();
              assertThat(e.reason()).isEqualTo("no action configured for this label");
              assertThat(e.label()).isEqualTo("cancel_order");
            });
  }

  @Test
  void anOutOfScopeTextEscalates() {
    RouteDecision decision = router(true).route("Tell me a joke about penguins", true).decision();

    assertThat(decision)
        .isInstanceOfSatisfying(
            RouteDecision.Escalate.class, e -> assertThat(e.reason()).isEqualTo("out of scope"));
  }

  @Test
  void toolsOrNonTextContentEscalateEvenForATemplateLabel() {
    RouteDecision decision = router(true).route("Where is my order?", false).decision();

    assertThat(decision)
        .isInstanceOfSatisfying(
            RouteDecision.Escalate.class,
            e -> {
              assertThat(e.reason()).isEqualTo("tools or non-text content");
              assertThat(e.label()).isEqualTo("track_order");
            });
  }

  @Test
  void withoutAGeneralistEscalationsBecomeHandoffs() {
    RouteDecision decision = router(false).route("I want to cancel my order", true).decision();

    assertThat(decision)
        .isInstanceOfSatisfying(
            RouteDecision.Handoff.class,
            h -> {
              assertThat(h.reason())
                  .isEqualTo("no action configured for this label; no generalist configured");
              assertThat(h.label()).isEqualTo("cancel_order");
            });
    assertThat(router(false).route("Where is my order?", true).decision())
        .isInstanceOf(RouteDecision.Local.class);
  }

  @Test
  void aBlankTextEscalatesWithoutRunningTheSpecialist() {
    Routing routing = router(true).route("   ", true);

    assertThat(routing.decision())
        .isInstanceOfSatisfying(
            RouteDecision.Escalate.class,
            e -> {
              assertThat(e.reason()).isEqualTo("no specialist ran");
              assertThat(e.specialist()).isEmpty();
            });
    assertThat(routing.predictions()).isEmpty();
  }

  @Test
  void theVersionNamesTheSpecialistAndItsDataHash() {
    assertThat(router(true).version("intent")).matches("intent@[0-9a-f]{12}");
    assertThat(router(true).version("")).isEmpty();
  }
}
