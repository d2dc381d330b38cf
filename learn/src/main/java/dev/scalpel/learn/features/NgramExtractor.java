package dev.scalpel.learn.features;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a text into counted n-gram terms. Text is NFKC-normalized and lower-cased, and every digit
 * becomes {@code 0} so that order numbers and amounts share features. Word terms are prefixed
 * {@code w:}, character terms {@code c:}; character n-grams are taken within words padded with
 * spaces, which works for any language written with spaces or not.
 */
public final class NgramExtractor {
  static final String WORD = "w:";
  static final String CHAR = "c:";

  private final FeatureConfig config;

  public NgramExtractor(FeatureConfig config) {
    this.config = config;
  }

  public Map<String, Integer> terms(String text) {
    List<String> words = words(text);
    Map<String, Integer> counts = new HashMap<>();
    for (int n = 1; n <= config.wordNgramMax(); n++) {
      for (int i = 0; i + n <= words.size(); i++) {
        counts.merge(WORD + String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
      }
    }
    if (config.useCharNgrams()) {
      for (String word : words) {
        String padded = " " + word + " ";
        for (int n = config.charNgramMin(); n <= config.charNgramMax(); n++) {
          for (int i = 0; i + n <= padded.length(); i++) {
            counts.merge(CHAR + padded.substring(i, i + n), 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }

  static List<String> words(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < normalized.length(); ) {
      int cp = normalized.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\u2019' || cp == '\u02BC') {
        cp = '\''; // typographic apostrophes: "don’t" is "don't"
      }
      if (Character.isLetterOrDigit(cp) || (cp == '\'' && !word.isEmpty())) {
        word.appendCodePoint(Character.isDigit(cp) ? '0' : cp);
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  /** A term as a person reads it: the n-gram without its kind prefix. */
  public static String display(String term) {
    return term.substring(2);
  }

  /** {@code word} or {@code char}. */
  public static String kind(String term) {
    return term.startsWith(WORD) ? "word" : "char";
  }
}
