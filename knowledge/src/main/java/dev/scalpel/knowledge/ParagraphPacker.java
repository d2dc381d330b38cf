package dev.scalpel.knowledge;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Packs the paragraphs of one section into chunks of at most {@code maxWords} words, in order and
 * never splitting a paragraph that fits. A longer paragraph is cut at sentence ends, and a sentence
 * longer than the bound at word boundaries, so that no chunk exceeds it.
 */
final class ParagraphPacker {
  private final int maxWords;

  ParagraphPacker(int maxWords) {
    this.maxWords = maxWords;
  }

  List<String> pack(List<String> paragraphs) {
    List<String> pieces = new ArrayList<>();
    for (String paragraph : paragraphs) {
      if (words(paragraph) <= maxWords) {
        pieces.add(paragraph);
      } else {
        pieces.addAll(packSentences(sentences(paragraph)));
      }
    }
    return greedy(pieces, "\n\n");
  }

  /**
   * Fills chunks in order. A chunk is closed once it reaches the balanced size (total words over
   * the fewest chunks that can hold them), so that a long section becomes passages of similar
   * length rather than full ones and a small remainder.
   */
  private List<String> greedy(List<String> pieces, String separator) {
    int total = pieces.stream().mapToInt(ParagraphPacker::words).sum();
    int chunks = Math.max(1, (total + maxWords - 1) / maxWords);
    int target = (total + chunks - 1) / chunks;
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentWords = 0;
    for (String piece : pieces) {
      int w = words(piece);
      if (currentWords > 0 && (currentWords + w > maxWords || currentWords >= target)) {
        out.add(current.toString());
        current.setLength(0);
        currentWords = 0;
      }
      if (currentWords > 0) {
        current.append(separator);
      }
      current.append(piece);
      currentWords += w;
    }
    if (currentWords > 0) {
      out.add(current.toString());
    }
    return out;
  }

  private List<String> packSentences(List<String> sentences) {
    List<String> pieces = new ArrayList<>();
    for (String sentence : sentences) {
      if (words(sentence) <= maxWords) {
        pieces.add(sentence);
      } else {
        pieces.addAll(wordRuns(sentence));
      }
    }
    return greedy(pieces, " ");
  }

  private List<String> wordRuns(String sentence) {
    String[] tokens = sentence.strip().split("\\s+");
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < tokens.length; i += maxWords) {
      runs.add(String.join(" ", List.of(tokens).subList(i, Math.min(tokens.length, i + maxWords))));
    }
    return runs;
  }

  private static List<String> sentences(String paragraph) {
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
    iterator.setText(paragraph);
    List<String> sentences = new ArrayList<>();
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      String sentence = paragraph.substring(start, end).strip();
      if (!sentence.isEmpty()) {
        sentences.add(sentence);
      }
    }
    return sentences;
  }

  /** Whitespace-separated words. */
  static int words(String text) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        count++;
      }
      inWord = !space;
    }
    return count;
  }
}
