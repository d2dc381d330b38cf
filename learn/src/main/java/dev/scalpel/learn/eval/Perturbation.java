package dev.scalpel.learn.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic damage to user text, to measure how fragile a specialist is before it meets real users.
 */
public enum Perturbation {
  /**
   * One typo per word of four letters or more, with probability 0.3: swapped, dropped or doubled
   * letter.
   */
  TYPOS {
    @Override
    String apply(String text, Random random) {
      List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i);
        if (w.length() >= 4 && random.nextDouble() < 0.3) {
          int at = 1 + random.nextInt(w.length() - 2);
          words.set(
              i,
              switch (random.nextInt(3)) {
                case 0 ->
                    w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2);
                case 1 -> w.substring(0, at) + w.substring(at + 1);
                default -> w.substring(0, at + 1) + w.substring(at);
              });
        }
      }
      return String.join(" ", words);
    }
  },
  /** All upper case or all lower case, at random. */
  CASING {
    @Override
    String apply(String text, Random random) {
      return random.nextBoolean() ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
    }
  },
  /** Every punctuation mark removed. */
  PUNCTUATION {
    @Override
    String apply(String text, Random random) {
      String stripped = text.replaceAll("\\p{P}+", "").replaceAll("\\s+", " ").strip();
      return stripped.isEmpty() ? text : stripped;
    }
  },
  /** One word dropped from texts of three words or more. */
  DROPPED_WORDS {
    @Override
    String apply(String text, Random random) {
      List<String> words = new ArrayList<>(Arrays.asList(text.split("\\s+")));
      if (words.size() >= 3) {
        words.remove(random.nextInt(words.size()));
      }
      return String.join(" ", words);
    }
  };

  abstract String apply(String text, Random random);

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
