package dev.scalpel.knowledge;

import java.util.List;

/**
 * An answer built from knowledge-base passages, and the passages it was built from.
 *
 * @param content the message content for the client (sources cited in it when the template says so)
 * @param sources the passages used, best first
 */
public record GroundedAnswer(String content, List<Source> sources) {
  public GroundedAnswer {
    if (content == null || content.isBlank()) {
      throw new IllegalArgumentException("answer content must not be blank");
    }
    sources = List.copyOf(sources);
  }
}
