package dev.scalpel.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerTemplateTest {
  private static final Passage WINDOW =
      new Passage("returns.md#1", "returns.md", "Returns > Return window", "You have 30 days.");
  private static final Passage TIMING =
      new Passage("returns.md#2", "returns.md", "Returns > Refund timing", "Refunds take 5 days.");
  private static final List<Hit> HITS =
      List.of(
          new Hit(WINDOW, 1, 0.03, new Match(1, 4.2f), new Match(2, 0.81f)),
          new Hit(TIMING, 2, 0.02, Match.NONE, new Match(1, 0.84f)));

  @Test
  void theDefaultAnswersWithTheBestPassageAndCitesIt() {
    GroundedAnswer answer = AnswerTemplate.defaults().render(HITS);

    assertThat(answer.content())
        .isEqualTo("You have 30 days.\n\nSource: Returns > Return window (returns.md)");
    assertThat(answer.sources())
        .containsExactly(new Source("returns.md#1", "returns.md", "Returns > Return window"));
  }

  @Test
  void placeholdersCoverSeveralPassages() {
    AnswerTemplate template =
        new AnswerTemplate("From {{title}} in {{source}}:\n{{passages}}\n({{ sources }})", 2);

    GroundedAnswer answer = template.render(HITS);

    assertThat(answer.content())
        .isEqualTo(
            "From Returns > Return window in returns.md:\nYou have 30 days.\n\nRefunds take 5"
                + " days.\n(Returns > Return window (returns.md); Returns > Refund timing"
                + " (returns.md))");
    assertThat(answer.sources())
        .extracting(Source::id)
        .containsExactly("returns.md#1", "returns.md#2");
  }

  @Test
  void passageTextIsInsertedLiterally() {
    Passage dollars = new Passage("p.md#1", "p.md", "", "Costs $5 \\ month {{title}}.");
    List<Hit> hits = List.of(new Hit(dollars, 1, 1, Match.NONE, Match.NONE));

    assertThat(new AnswerTemplate("{{passage}} [{{sources}}]", 1).render(hits).content())
        .isEqualTo("Costs $5 \\ month {{title}}. [p.md]");
  }

  @Test
  void badTemplatesFailWhenMade() {
    assertThatThrownBy(() -> new AnswerTemplate("See {{passage}} and {{url}}", 1))
        .hasMessageStartingWith("unknown placeholder {{url}} in answer template (expected one of");
    assertThatThrownBy(() -> new AnswerTemplate("Source: {{sources}}", 1))
        .hasMessage(
            "answer template must contain {{passage}} or {{passages}}, found: Source: {{sources}}");
    assertThatThrownBy(() -> new AnswerTemplate("{{passage}}", 0))
        .hasMessage("an answer uses at least 1 passage, found 0");
    assertThatThrownBy(() -> AnswerTemplate.defaults().render(List.of()))
        .hasMessage("an answer needs at least one passage");
  }

  @Test
  void groundingNumbersThePassagesForTheGeneralist() {
    GroundingContext context = GroundingContext.of(HITS, 5);

    assertThat(context.prompt())
        .isEqualTo(
            GroundingContext.PREAMBLE
                + "\n\n[1] Returns > Return window (returns.md)\nYou have 30 days."
                + "\n\n[2] Returns > Refund timing (returns.md)\nRefunds take 5 days.");
    assertThat(context.sources())
        .extracting(Source::id)
        .containsExactly("returns.md#1", "returns.md#2");
    assertThat(GroundingContext.of(HITS, 1).sources()).hasSize(1);
  }
}
