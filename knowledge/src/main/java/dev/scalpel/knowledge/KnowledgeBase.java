package dev.scalpel.knowledge;

import dev.scalpel.embed.SentenceEncoder;
import java.nio.file.Path;
import java.util.List;

/**
 * A searchable knowledge-base index: BM25 over the passages' words and nearest neighbours over
 * their sentence embeddings, fused by reciprocal rank. Thread-safe: one instance serves concurrent
 * searches; it sees the index as it was when opened (open again to see a re-index).
 *
 * <pre>{@code
 * try (KnowledgeBase kb = KnowledgeBase.open(dataDir.resolve("kb/default"), encoder)) {
 *   for (Hit hit : kb.search("how long do refunds take", 5)) { ... }
 * }
 * }</pre>
 */
public interface KnowledgeBase extends AutoCloseable {
  /**
   * Opens the index in {@code dir} for queries embedded by {@code encoder}, which must be the
   * encoder it was built with (a {@link dev.scalpel.core.io.ModelFormatException} says otherwise).
   * The encoder stays owned by the caller.
   */
  static KnowledgeBase open(Path dir, SentenceEncoder encoder) {
    return open(dir, encoder, FusionOptions.defaults());
  }

  static KnowledgeBase open(Path dir, SentenceEncoder encoder, FusionOptions fusion) {
    return LuceneKnowledgeBase.open(dir, encoder, fusion);
  }

  /** The name of the knowledge base that {@code --name} does not name. */
  String DEFAULT_NAME = "default";

  /**
   * Where the knowledge base {@code name} lives in a data directory: {@code <dataDir>/kb/<name>}.
   * Names are letters, digits, '.', '_' and '-', starting with a letter or digit, so that a name
   * never leaves the {@code kb} folder.
   */
  static Path directory(Path dataDir, String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "knowledge base name: expected letters, digits, '.', '_' or '-', starting with a letter"
              + " or digit, found '"
              + name
              + "'");
    }
    return dataDir.resolve("kb").resolve(name);
  }

  /** Whether {@code dir} holds a committed index (of any kind: open checks that it is ours). */
  static boolean exists(Path dir) {
    return LuceneKnowledgeBase.exists(dir);
  }

  /**
   * The metadata of the index in {@code dir} without opening it for search, for example to pick the
   * encoder it needs.
   */
  static KbMetadata readMetadata(Path dir) {
    return LuceneKnowledgeBase.readMetadata(dir);
  }

  /** What the index recorded about itself when it was built. */
  KbMetadata metadata();

  /** The best {@code k} passages for {@code query} by hybrid search; embeds the query once. */
  List<Hit> search(String query, int k);

  /**
   * Hybrid search with the query's embedding already computed (by the same encoder), as the gateway
   * does to share one embedding between its specialists and retrieval.
   */
  List<Hit> search(String query, float[] embedding, int k);

  /** The best {@code k} passages by BM25 alone; none when the query has no indexable word. */
  List<Hit> lexical(String query, int k);

  /** The {@code k} passages nearest to {@code embedding}, by cosine similarity. */
  List<Hit> semantic(float[] embedding, int k);

  /** Closes the index; searches must have finished. The encoder is not closed. */
  @Override
  void close();
}
