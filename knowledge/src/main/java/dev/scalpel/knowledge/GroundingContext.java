package dev.scalpel.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Passages handed to a generalist as grounding (retrieval-augmented escalation): a system-prompt
 * section that numbers them with their citations, and the sources for the response.
 *
 * @param prompt the text to add to the system prompt
 * @param sources the passages quoted, in their numbered order
 */
public record GroundingContext(String prompt, List<Source> sources) {
  static final String PREAMBLE =
      "Answer from these passages of the knowledge base when they cover the question, and cite the"
          + " numbers of the passages you used, like [1]. If they do not cover it, say so rather"
          + " than guess.";

  public GroundingContext {
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("grounding prompt must not be blank");
    }
    sources = List.copyOf(sources);
  }

  /** The first {@code limit} of {@code hits} (best first), numbered from 1. */
  public static GroundingContext of(List<Hit> hits, int limit) {
    if (hits.isEmpty() || limit < 1) {
      throw new IllegalArgumentException(
          "grounding needs at least one passage (found " + hits.size() + ", limit " + limit + ")");
    }
    StringBuilder prompt = new StringBuilder(PREAMBLE);
    List<Source> sources = new ArrayList<>();
    for (Hit hit : hits.subList(0, Math.min(limit, hits.size()))) {
      Source source = Source.of(hit.passage());
      sources.add(source);
      prompt
          .append("\n\n[")
          .append(sources.size())
          .append("] ")
          .append(source.citation())
          .append('\n')
          .append(hit.passage().text());
    }
    return new GroundingContext(prompt.toString(), sources);
  }
}
