package dev.scalpel.learn.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The n-gram terms a specialist knows, each with its inverse document frequency. Built once from
 * the training texts; terms seen fewer than {@code minCount} times are dropped.
 */
public final class Vocabulary {
  private final String[] terms;
  private final float[] idf;
  private final Map<String, Integer> index;

  private Vocabulary(String[] terms, float[] idf) {
    this.terms = terms;
    this.idf = idf;
    this.index = new HashMap<>(terms.length * 2);
    for (int i = 0; i < terms.length; i++) {
      index.put(terms[i], i);
    }
  }

  public static Vocabulary of(String[] terms, float[] idf) {
    if (terms.length != idf.length) {
      throw new IllegalArgumentException("terms and idf differ in length");
    }
    return new Vocabulary(terms.clone(), idf.clone());
  }

  public static Vocabulary build(List<String> texts, NgramExtractor extractor, int minCount) {
    Map<String, int[]> stats = new HashMap<>();
    for (String text : texts) {
      for (Map.Entry<String, Integer> term : extractor.terms(text).entrySet()) {
        int[] s = stats.computeIfAbsent(term.getKey(), k -> new int[2]);
        s[0] += term.getValue();
        s[1]++;
      }
    }
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, int[]> entry : stats.entrySet()) {
      if (entry.getValue()[0] >= minCount) {
        kept.add(entry.getKey());
      }
    }
    String[] terms = kept.toArray(String[]::new);
    Arrays.sort(terms);
    float[] idf = new float[terms.length];
    double n = texts.size();
    for (int i = 0; i < terms.length; i++) {
      idf[i] = (float) (Math.log((1 + n) / (1 + stats.get(terms[i])[1])) + 1);
    }
    return new Vocabulary(terms, idf);
  }

  public int size() {
    return terms.length;
  }

  /** The index of {@code term}, or -1. */
  public int indexOf(String term) {
    Integer i = index.get(term);
    return i == null ? -1 : i;
  }

  public String term(int i) {
    return terms[i];
  }

  public float idf(int i) {
    return idf[i];
  }

  public String[] terms() {
    return terms.clone();
  }

  public float[] idfs() {
    return idf.clone();
  }
}
