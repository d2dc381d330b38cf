package dev.scalpel.gateway.knowledge;

import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.gateway.config.KnowledgeConfig;
import dev.scalpel.knowledge.Hit;
import dev.scalpel.knowledge.KnowledgeBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge bases a gateway answers and grounds from, opened at start on the encoder the
 * specialists share, so that a request's embedding serves both. Thread-safe.
 */
public final class KnowledgeBases implements AutoCloseable {
  private record Opened(KnowledgeBase base, double minSimilarity) {}

  private final Map<String, Opened> bases;

  private KnowledgeBases(Map<String, Opened> bases) {
    this.bases = bases;
  }

  /** No knowledge base. */
  public static KnowledgeBases none() {
    return new KnowledgeBases(Map.of());
  }

  /** Opens every configured knowledge base; closes those opened when one fails. */
  public static KnowledgeBases open(List<KnowledgeConfig> configs, SentenceEncoder encoder) {
    Map<String, Opened> opened = new LinkedHashMap<>();
    try {
      for (KnowledgeConfig c : configs) {
        opened.put(c.name(), new Opened(KnowledgeBase.open(c.dir(), encoder), c.minSimilarity()));
      }
    } catch (RuntimeException e) {
      opened.values().forEach(o -> o.base().close());
      throw e;
    }
    return new KnowledgeBases(Map.copyOf(opened));
  }

  public boolean isEmpty() {
    return bases.isEmpty();
  }

  /** The best {@code k} passages of knowledge base {@code name} for a request. */
  public List<Hit> search(String name, String text, float[] embedding, int k) {
    return get(name).base().search(text, embedding, k);
  }

  /** Whether the best of {@code hits} is close enough to answer from. */
  public boolean closeEnough(String name, List<Hit> hits) {
    return !hits.isEmpty()
        && hits.getFirst().vector().found()
        && hits.getFirst().vector().score() >= get(name).minSimilarity();
  }

  private Opened get(String name) {
    Opened o = bases.get(name);
    if (o == null) {
      throw new IllegalArgumentException("no knowledge base named '" + name + "'");
    }
    return o;
  }

  @Override
  public void close() {
    bases.values().forEach(o -> o.base().close());
  }
}
