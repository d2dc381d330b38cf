package dev.scalpel.learn.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import org.junit.jupiter.api.Test;

class NgramExtractorTest {
  private static final FeatureConfig WORDS_ONLY = new FeatureConfig(1, 3, 0, 1, 1, 1, false);

  @Test
  void countsWordAndCharacterNgramsWithTheirKinds() {
    NgramExtractor extractor = new NgramExtractor(new FeatureConfig(2, 3, 3, 1, 1, 1, false));

    assertThat(extractor.terms("Go 2 go!"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "w:go", 2,
                "w:0", 1,
                "w:go 0", 1,
                "w:0 go", 1,
                "c: go", 2,
                "c:go ", 2,
                "c: 0 ", 1));
  }

  @Test
  void characterNgramsSpanTheConfiguredLengthsWithinPaddedWords() {
    NgramExtractor extractor = new NgramExtractor(new FeatureConfig(1, 3, 4, 1, 1, 1, false));

    assertThat(extractor.terms("cat"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "w:cat", 1,
                "c: ca", 1,
                "c:cat", 1,
                "c:at ", 1,
                "c: cat", 1,
                "c:cat ", 1));
  }

  @Test
  void wordNgramsGoUpToTheConfiguredLength() {
    NgramExtractor extractor = new NgramExtractor(new FeatureConfig(3, 3, 0, 1, 1, 1, false));

    assertThat(extractor.terms("a b c d").keySet())
        .containsExactlyInAnyOrder(
            "w:a", "w:b", "w:c", "w:d", "w:a b", "w:b c", "w:c d", "w:a b c", "w:b c d");
  }

  @Test
  void disabledCharacterNgramsLeaveOnlyWords() {
    assertThat(new NgramExtractor(WORDS_ONLY).terms("Where is my ORDER"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("w:where", 1, "w:is", 1, "w:my", 1, "w:order", 1));
  }

  @Test
  void lowerCasesAndMapsEveryDigitToZero() {
    assertThat(NgramExtractor.words("Order NW-12345 for EUR 89.90"))
        .containsExactly("order", "nw", "00000", "for", "eur", "00", "00");
  }

  @Test
  void normalizesCompatibilityFormsBeforeSplitting() {
    // Fullwidth letters, a circled digit and an Arabic-Indic digit all become plain forms.
    assertThat(NgramExtractor.words("ＨＥＬＬＯ ① ٣")).containsExactly("hello", "0", "0");
  }

  @Test
  void keepsApostrophesInsideWordsOnly() {
    assertThat(NgramExtractor.words("Don't 'quote' me")).containsExactly("don't", "quote'", "me");
  }

  @Test
  void textWithoutLettersOrDigitsHasNoTerms() {
    assertThat(new NgramExtractor(FeatureConfig.defaults()).terms("?! ... --")).isEmpty();
  }

  @Test
  void displayAndKindReadTheTermPrefix() {
    assertThat(NgramExtractor.display("w:where is")).isEqualTo("where is");
    assertThat(NgramExtractor.kind("w:where is")).isEqualTo("word");
    assertThat(NgramExtractor.display("c: whe")).isEqualTo(" whe");
    assertThat(NgramExtractor.kind("c: whe")).isEqualTo("char");
  }

  @Property
  void casingNeverChangesTheTerms(
      @ForAll @AlphaChars @NumericChars @Chars({' ', '\'', '-', '!', ','}) String text) {
    NgramExtractor extractor = new NgramExtractor(FeatureConfig.defaults());

    assertThat(extractor.terms(text.toUpperCase(Locale.ROOT)))
        .isEqualTo(extractor.terms(text.toLowerCase(Locale.ROOT)));
  }

  @Property
  void digitsAreInterchangeable(
      @ForAll @AlphaChars @NumericChars @Chars({' ', '.', '-'}) String text) {
    NgramExtractor extractor = new NgramExtractor(FeatureConfig.defaults());

    assertThat(extractor.terms(text.replaceAll("[0-9]", "7"))).isEqualTo(extractor.terms(text));
  }

  @Property
  void anyTextYieldsPrefixedTermsWithoutDigitsOtherThanZero(@ForAll String text) {
    Map<String, Integer> terms = new NgramExtractor(FeatureConfig.defaults()).terms(text);

    assertThat(terms.keySet())
        .allSatisfy(term -> {
          assertThat(term).matches("(?s)[wc]:.+");
          assertThat(term.codePoints()).allMatch(cp -> !Character.isDigit(cp) || cp == '0');
        });
    assertThat(terms.values()).allMatch(count -> count > 0);
  }
}
