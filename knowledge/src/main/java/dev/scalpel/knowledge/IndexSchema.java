package dev.scalpel.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The fields of a knowledge-base index, shared by the indexer and the searcher. Changing any of
 * them (a field, the analyzer, the similarity) changes what an index means: bump {@link
 * KbMetadata#FORMAT_VERSION}.
 */
final class IndexSchema {
  /** Stored: the passage id, source path, heading path and text. */
  static final String ID = "id";

  static final String SOURCE = "source";
  static final String TITLE = "title";
  static final String TEXT = "text";

  /** Indexed for BM25, not stored: the title and the text, through the English analyzer. */
  static final String CONTENT = "content";

  /** The L2-normalized sentence embedding of the title and text, in an HNSW graph. */
  static final String VECTOR = "vector";

  /**
   * Dot product on unit vectors is cosine similarity; Lucene scores it as {@code (1 + cos) / 2}.
   * (Lucene's own COSINE is deprecated in favour of this.)
   */
  static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

  private IndexSchema() {}

  /** Stop words removed, possessives dropped, Porter stemming: "refunds" finds "refund". */
  static Analyzer analyzer() {
    return new EnglishAnalyzer();
  }

  /** The cosine similarity behind a Lucene {@link #SIMILARITY} score. */
  static float cosine(float luceneScore) {
    return 2 * luceneScore - 1;
  }
}
