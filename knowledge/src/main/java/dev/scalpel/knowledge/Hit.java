package dev.scalpel.knowledge;

/**
 * A passage found for a query.
 *
 * @param passage the passage
 * @param rank 1-based position in the result list
 * @param score what the list is ordered by: the reciprocal-rank-fusion score for hybrid search, the
 *     BM25 score for lexical search, the cosine similarity for vector search
 * @param bm25 where BM25 ranked it ({@link Match#NONE} when it did not, or was not asked)
 * @param vector where vector search ranked it ({@link Match#NONE} when it did not, or was not
 *     asked)
 */
public record Hit(Passage passage, int rank, double score, Match bm25, Match vector) {
  public Hit {
    if (passage == null || bm25 == null || vector == null) {
      throw new IllegalArgumentException("passage, bm25 and vector are required");
    }
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be at least 1, found " + rank);
    }
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score must be a number");
    }
  }
}
