package dev.scalpel.knowledge;

/**
 * How hybrid search fuses its two lists. Each retriever returns its best {@code candidates}
 * passages; a passage scores {@code sum 1 / (rankConstant + rank)} over the lists that hold it
 * (reciprocal rank fusion, Cormack et al. 2009). Ranks, not scores, are fused, so BM25 scores and
 * cosines never need to be put on one scale; a larger constant flattens the advantage of a first
 * place over a tenth.
 */
public record FusionOptions(int rankConstant, int candidates) {
  /** The constant of the original paper, and of Lucene's and Elasticsearch's defaults. */
  public static final int DEFAULT_RANK_CONSTANT = 60;

  public static final int DEFAULT_CANDIDATES = 50;

  public FusionOptions {
    if (rankConstant < 1) {
      throw new IllegalArgumentException("rank constant must be at least 1, found " + rankConstant);
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be at least 1, found " + candidates);
    }
  }

  public static FusionOptions defaults() {
    return new FusionOptions(DEFAULT_RANK_CONSTANT, DEFAULT_CANDIDATES);
  }
}
