package dev.scalpel.knowledge;

/**
 * Where one retriever placed a passage.
 *
 * @param rank 1-based rank in that retriever's candidates, or 0 when the passage was not among them
 * @param score BM25 score for the lexical retriever, cosine similarity (-1 to 1) for the vector
 *     one; 0 when not ranked
 */
public record Match(int rank, float score) {
  /** Not among the retriever's candidates. */
  public static final Match NONE = new Match(0, 0f);

  public Match {
    if (rank < 0) {
      throw new IllegalArgumentException("rank must not be negative, found " + rank);
    }
    if (Float.isNaN(score)) {
      throw new IllegalArgumentException("score must be a number");
    }
  }

  /** Whether the retriever ranked the passage at all. */
  public boolean found() {
    return rank > 0;
  }
}
