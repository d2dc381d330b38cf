package dev.scalpel.gateway.config;

import java.nio.file.Path;

/**
 * A knowledge base the gateway answers from: its name (as labels and rules refer to it), the index
 * directory {@code scalpel kb index} built, and the cosine similarity the best passage must reach
 * for a label to answer from it locally (below, the request escalates with the passages as
 * grounding).
 */
public record KnowledgeConfig(String name, Path dir, double minSimilarity) {
  public KnowledgeConfig {
    if (name == null || name.isBlank() || dir == null) {
      throw new IllegalArgumentException("a knowledge base needs a name and a directory");
    }
    if (!(minSimilarity >= -1 && minSimilarity <= 1)) {
      throw new IllegalArgumentException(
          "min_similarity must be in [-1, 1], found " + minSimilarity);
    }
  }
}
