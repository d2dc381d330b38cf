package dev.scalpel.knowledge;

import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.SentenceEncoder;
import java.nio.file.Path;

/**
 * Builds a knowledge-base index: every passage of a {@link Corpus} with its BM25 text and its
 * sentence embedding, in a Lucene directory.
 *
 * <p>Indexing replaces whatever the directory held, atomically: the new passages become visible in
 * one Lucene commit, so until that commit readers (and a restarted process) see the previous index
 * whole, and a failure or crash before it leaves the previous index as it was. Only one process can
 * index a directory at a time.
 */
public interface KnowledgeIndexer {
  /**
   * An indexer that embeds with {@code encoder}; the encoder stays open and owned by the caller.
   */
  static KnowledgeIndexer create(SentenceEncoder encoder) {
    return new LuceneIndexer(encoder);
  }

  /**
   * Indexes {@code corpus} into {@code dir} (created if needed) and returns the metadata committed
   * with it.
   */
  KbMetadata index(Corpus corpus, Path dir, Progress progress);
}
