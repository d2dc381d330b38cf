package dev.scalpel.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DocumentSplitterTest {
  private final DocumentSplitter splitter = DocumentSplitter.create(SplitOptions.defaults());

  @Test
  void headingsDefineSectionsTitledWithTheirPath() {
    String markdown =
        """
        # Returns

        Intro to returns.

        ## Return window

        You have 30 days.

        ### Exceptions

        Custom bikes cannot be returned.

        ## Labels

        Print the label.
        """;

    List<Passage> passages = splitter.split("policies/returns.md", markdown);

    assertThat(passages)
        .containsExactly(
            new Passage(
                "policies/returns.md#1", "policies/returns.md", "Returns", "Intro to returns."),
            new Passage(
                "policies/returns.md#2",
                "policies/returns.md",
                "Returns > Return window",
                "You have 30 days."),
            new Passage(
                "policies/returns.md#3",
                "policies/returns.md",
                "Returns > Return window > Exceptions",
                "Custom bikes cannot be returned."),
            new Passage(
                "policies/returns.md#4",
                "policies/returns.md",
                "Returns > Labels",
                "Print the label."));
  }

  @Test
  void textBeforeTheFirstHeadingIsTitledWithTheFileName() {
    List<Passage> passages = splitter.split("faq.md", "Welcome.\n\n## Hours\n\nNine to five.\n");

    assertThat(passages).extracting(Passage::title).containsExactly("faq", "Hours");
  }

  @Test
  void emptySectionsFrontMatterAndClosingHashesAreHandled() {
    String markdown =
        """
        ---
        title: ignored
        ---
        # Shipping #

        ## Costs ##
        Free above 50 EUR.
        """;

    List<Passage> passages = splitter.split("shipping.md", markdown);

    assertThat(passages)
        .singleElement()
        .satisfies(p -> {
          assertThat(p.title()).isEqualTo("Shipping > Costs");
          assertThat(p.text()).isEqualTo("Free above 50 EUR.");
        });
  }

  @Test
  void hashesInsideFencedCodeAreNotHeadings() {
    String markdown =
        """
        # Setup

        ```
        # not a heading

        still code
        ```

        After the code.
        """;

    List<Passage> passages = splitter.split("setup.md", markdown);

    assertThat(passages)
        .singleElement()
        .extracting(Passage::text)
        .isEqualTo("```\n# not a heading\n\nstill code\n```\n\nAfter the code.");
  }

  @Test
  void longSectionsSplitOnParagraphBoundariesIntoSimilarSizes() {
    DocumentSplitter small = DocumentSplitter.create(new SplitOptions(40));
    String paragraphs =
        IntStream.range(0, 5).mapToObj(i -> words("p" + i, 25)).collect(Collectors.joining("\n\n"));

    List<Passage> passages = small.split("long.md", "# Long\n\n" + paragraphs);

    assertThat(passages).hasSize(5);
    assertThat(passages).allSatisfy(p -> assertThat(p.title()).isEqualTo("Long"));
    assertThat(passages.getFirst().text()).isEqualTo(words("p0", 25));
    assertThat(passages)
        .extracting(Passage::id)
        .containsExactly("long.md#1", "long.md#2", "long.md#3", "long.md#4", "long.md#5");

    DocumentSplitter larger = DocumentSplitter.create(new SplitOptions(60));
    assertThat(larger.split("long.md", "# Long\n\n" + paragraphs))
        .extracting(p -> ParagraphPacker.words(p.text()))
        .containsExactly(50, 50, 25);
  }

  @Test
  void aParagraphLongerThanTheBoundIsCutAtSentenceEnds() {
    DocumentSplitter small = DocumentSplitter.create(new SplitOptions(20));
    String sentence = "Then " + words("w", 8) + ".";
    String paragraph = String.join(" ", sentence, sentence, sentence, sentence);

    List<Passage> passages = small.split("one.txt", paragraph);

    assertThat(passages)
        .extracting(Passage::text)
        .containsExactly(sentence + " " + sentence, sentence + " " + sentence);
  }

  @Test
  void plainTextIsOneSectionSplitByParagraphs() {
    List<Passage> passages =
        splitter.split("notes/hours.txt", "Open on Monday.\n\n  \nClosed on Sunday.\n");

    assertThat(passages)
        .singleElement()
        .isEqualTo(
            new Passage(
                "notes/hours.txt#1",
                "notes/hours.txt",
                "hours",
                "Open on Monday.\n\nClosed on Sunday."));
  }

  @Test
  void emptyDocumentsHaveNoPassages() {
    assertThat(splitter.split("empty.md", "\n\n# Only a heading\n\n")).isEmpty();
    assertThat(splitter.split("empty.txt", "   \n")).isEmpty();
  }

  @Test
  void recognisesMarkdownAndTextFiles() {
    assertThat(DocumentSplitter.isDocument("a.md")).isTrue();
    assertThat(DocumentSplitter.isDocument("B.MARKDOWN")).isTrue();
    assertThat(DocumentSplitter.isDocument("c.txt")).isTrue();
    assertThat(DocumentSplitter.isDocument("questions.jsonl")).isFalse();
    assertThatThrownBy(() -> new SplitOptions(5))
        .hasMessage("passage size: expected 20 to 2000 words, found 5");
  }

  /** Whatever the text, passages are deterministic, bounded, non-blank and keep every word. */
  @Property(tries = 200)
  void splittingKeepsEveryWordWithinTheBound(
      @ForAll String garbage, @ForAll @IntRange(min = 20, max = 60) int maxWords) {
    DocumentSplitter bounded = DocumentSplitter.create(new SplitOptions(maxWords));
    String markdown = "# T\n\n" + garbage + "\n\n" + words("x", 3 * maxWords) + "\n";

    List<Passage> passages = bounded.split("g.md", markdown);

    assertThat(bounded.split("g.md", markdown)).isEqualTo(passages);
    assertThat(passages)
        .allSatisfy(p -> assertThat(ParagraphPacker.words(p.text())).isLessThanOrEqualTo(maxWords));
    long kept = passages.stream().filter(p -> p.text().contains("x0")).count();
    assertThat(kept).isEqualTo(1);
    int xWords =
        passages.stream()
            .mapToInt(p ->
                (int)
                    List.of(p.text().split("\\s+")).stream()
                        .filter(w -> w.matches("x\\d+"))
                        .count())
            .sum();
    assertThat(xWords).isGreaterThanOrEqualTo(3 * maxWords);
  }

  private static String words(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
  }
}
