package dev.scalpel.learn.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.core.data.DatasetReader;
import dev.scalpel.core.data.ReadOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PerturbationTest {
  private static final List<String> TEXTS =
      DatasetReader.read(Path.of("../examples/support/test.csv"), ReadOptions.defaults()).texts();

  private static List<String> apply(Perturbation p, List<String> texts, long seed) {
    Random random = new Random(seed);
    return texts.stream().map(t -> p.apply(t, random)).toList();
  }

  @Test
  void typosChangeAboutAThirdOfLongWordsByOneEditInside() {
    String word = "abcdefgh";
    Set<String> swapped = new HashSet<>();
    Set<String> dropped = new HashSet<>();
    Set<String> doubled = new HashSet<>();
    for (int at = 1; at <= word.length() - 2; at++) {
      swapped.add(
          word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2));
      dropped.add(word.substring(0, at) + word.substring(at + 1));
      doubled.add(word.substring(0, at + 1) + word.substring(at));
    }
    String text = String.join(" ", java.util.Collections.nCopies(300, word));

    List<String> words = Arrays.asList(Perturbation.TYPOS.apply(text, new Random(7)).split(" "));

    assertThat(words).hasSize(300);
    List<String> changed = words.stream().filter(w -> !w.equals(word)).toList();
    assertThat(changed.size()).isBetween(60, 120);
    assertThat(changed)
        .allMatch(w -> swapped.contains(w) || dropped.contains(w) || doubled.contains(w));
    assertThat(changed).anyMatch(swapped::contains);
    assertThat(changed).anyMatch(dropped::contains);
    assertThat(changed).anyMatch(doubled::contains);
  }

  @Test
  void typosLeaveWordsShorterThanFourLettersAlone() {
    String text = "the cat sat on a mat at six";

    for (long seed = 0; seed < 20; seed++) {
      assertThat(Perturbation.TYPOS.apply(text, new Random(seed))).isEqualTo(text);
    }
  }

  @Test
  void casingMakesTheWholeTextUpperOrLowerCase() {
    String text = "Where is my Order NW-12345?";
    Set<String> seen = new HashSet<>();
    Random random = new Random(1);

    for (int i = 0; i < 20; i++) {
      seen.add(Perturbation.CASING.apply(text, random));
    }

    assertThat(seen)
        .containsExactlyInAnyOrder(text.toUpperCase(Locale.ROOT), text.toLowerCase(Locale.ROOT));
  }

  @Test
  void punctuationRemovesEveryMarkAndTidiesSpaces() {
    Random random = new Random(1);

    assertThat(Perturbation.PUNCTUATION.apply("Hello, world! Where's my order (NW-123)?", random))
        .isEqualTo("Hello world Wheres my order NW123");
    assertThat(Perturbation.PUNCTUATION.apply("wait - what", random)).isEqualTo("wait what");
    assertThat(Perturbation.PUNCTUATION.apply("no marks here", random)).isEqualTo("no marks here");
  }

  @Test
  void punctuationKeepsATextMadeOnlyOfPunctuation() {
    assertThat(Perturbation.PUNCTUATION.apply("?!...", new Random(1))).isEqualTo("?!...");
  }

  @Test
  void droppedWordsRemovesExactlyOneWordFromTextsOfThreeOrMore() {
    List<String> original = List.of("one", "two", "three", "four");
    Set<String> seen = new HashSet<>();
    Random random = new Random(1);

    for (int i = 0; i < 40; i++) {
      String damaged = Perturbation.DROPPED_WORDS.apply("one  two three\tfour", random);
      List<String> words = Arrays.asList(damaged.split(" "));
      assertThat(words).hasSize(3);
      assertThat(original).containsSubsequence(words);
      seen.add(damaged);
    }

    assertThat(seen)
        .containsExactlyInAnyOrder(
            "two three four", "one three four", "one two four", "one two three");
  }

  @Test
  void droppedWordsLeavesShortTextsAlone() {
    assertThat(Perturbation.DROPPED_WORDS.apply("refund please", new Random(3)))
        .isEqualTo("refund please");
  }

  @ParameterizedTest
  @EnumSource(Perturbation.class)
  void sameSeedGivesTheSameDamage(Perturbation p) {
    assertThat(apply(p, TEXTS, 42)).isEqualTo(apply(p, TEXTS, 42)).hasSize(TEXTS.size());
  }

  @ParameterizedTest
  @EnumSource(
      value = Perturbation.class,
      names = {"TYPOS", "CASING", "DROPPED_WORDS"})
  void anotherSeedGivesOtherDamage(Perturbation p) {
    List<String> first = apply(p, TEXTS, 1);

    assertThat(apply(p, TEXTS, 2)).isNotEqualTo(first);
    assertThat(first).isNotEqualTo(TEXTS);
  }

  @Test
  void punctuationDoesNotDependOnTheSeed() {
    assertThat(apply(Perturbation.PUNCTUATION, TEXTS, 1))
        .isEqualTo(apply(Perturbation.PUNCTUATION, TEXTS, 2))
        .isNotEqualTo(TEXTS);
  }

  @Test
  void wireNamesAreLowerCase() {
    assertThat(Arrays.stream(Perturbation.values()).map(Perturbation::wireName))
        .containsExactly("typos", "casing", "punctuation", "dropped_words");
  }
}
