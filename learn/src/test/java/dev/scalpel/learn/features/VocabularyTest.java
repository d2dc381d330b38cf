package dev.scalpel.learn.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private static final NgramExtractor WORDS =
      new NgramExtractor(new FeatureConfig(1, 3, 0, 1, 1, 1, false));

  @Test
  void keepsEveryTermAtMinCountOneSortedByTerm() {
    Vocabulary vocabulary = Vocabulary.build(List.of("b a", "a c", "a"), WORDS, 1);

    assertThat(vocabulary.terms()).containsExactly("w:a", "w:b", "w:c");
    assertThat(vocabulary.size()).isEqualTo(3);
    assertThat(vocabulary.indexOf("w:c")).isEqualTo(2);
    assertThat(vocabulary.term(1)).isEqualTo("w:b");
  }

  @Test
  void minCountCountsOccurrencesNotDocuments() {
    // "b" occurs twice in one text, "c" once: only "a" (3 times) and "b" reach 2.
    Vocabulary vocabulary = Vocabulary.build(List.of("a b b", "a c", "a"), WORDS, 2);

    assertThat(vocabulary.terms()).containsExactly("w:a", "w:b");
    assertThat(vocabulary.indexOf("w:c")).isEqualTo(-1);
  }

  @Test
  void minCountAboveEveryCountLeavesAnEmptyVocabulary() {
    assertThat(Vocabulary.build(List.of("a b", "c"), WORDS, 2).size()).isZero();
  }

  @Test
  void idfIsSmoothedAndHighestForTheRarestTerms() {
    // 4 texts; "a" in 4, "b" in 2, "c" in 1 (twice, which does not count for idf).
    Vocabulary vocabulary = Vocabulary.build(List.of("a b", "a b", "a c c", "a"), WORDS, 1);

    assertThat(vocabulary.idf(vocabulary.indexOf("w:a"))).isCloseTo(1f, within(1e-6f));
    assertThat(vocabulary.idf(vocabulary.indexOf("w:b")))
        .isCloseTo((float) (Math.log(5.0 / 3) + 1), within(1e-6f));
    assertThat(vocabulary.idf(vocabulary.indexOf("w:c")))
        .isCloseTo((float) (Math.log(5.0 / 2) + 1), within(1e-6f));
    assertThat(vocabulary.idf(vocabulary.indexOf("w:c")))
        .isGreaterThan(vocabulary.idf(vocabulary.indexOf("w:b")));
    assertThat(vocabulary.idf(vocabulary.indexOf("w:b")))
        .isGreaterThan(vocabulary.idf(vocabulary.indexOf("w:a")));
  }

  @Test
  void ofRestoresTermsAndIdfAndDefendsItsArrays() {
    String[] terms = {"c:ab", "w:x"};
    float[] idf = {1.5f, 2.5f};
    Vocabulary vocabulary = Vocabulary.of(terms, idf);
    terms[0] = "changed";
    idf[0] = 9;
    vocabulary.terms()[1] = "changed too";
    vocabulary.idfs()[1] = 9;

    assertThat(vocabulary.terms()).containsExactly("c:ab", "w:x");
    assertThat(vocabulary.idfs()).containsExactly(1.5f, 2.5f);
    assertThat(vocabulary.indexOf("w:x")).isEqualTo(1);
  }

  @Test
  void ofRejectsTermsAndIdfOfDifferentLengths() {
    assertThatThrownBy(() -> Vocabulary.of(new String[] {"w:a"}, new float[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("terms and idf differ in length");
  }
}
