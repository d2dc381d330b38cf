package dev.scalpel.guard.pii;

import java.util.List;

/**
 * Finds the matches of one type in a text. Implementations are stateless and thread-safe; a text is
 * read in one pass with precompiled patterns or a hand-written scan.
 */
interface Detector {
  /** Adds every match in {@code text} to {@code out}; matches may overlap others of any type. */
  void find(String text, List<PiiEntity> out);
}
