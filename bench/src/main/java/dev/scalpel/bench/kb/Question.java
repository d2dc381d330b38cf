package dev.scalpel.bench.kb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.data.DataFormatException;
import dev.scalpel.core.data.StrictUtf8;
import dev.scalpel.core.io.Json;
import dev.scalpel.knowledge.Passage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark question and the section that answers it, named by document and heading path rather
 * than passage id, so the question set survives a change of passage size.
 */
record Question(String question, String source, String title) {
  Question {
    if (question == null || question.isBlank() || source == null || title == null) {
      throw new IllegalArgumentException("question, source and title are required");
    }
  }

  /** Whether {@code passage} is (part of) the section that answers this question. */
  boolean answeredBy(Passage passage) {
    return passage.source().equals(source) && passage.title().equals(title);
  }

  /** Reads JSON lines with {@code question}, {@code source} and {@code title}. */
  static List<Question> read(Path file) throws IOException {
    List<Question> questions = new ArrayList<>();
    int line = 0;
    for (String text : StrictUtf8.read(file).lines().toList()) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode node = Json.mapper().readTree(text);
      for (String field : List.of("question", "source", "title")) {
        if (node.get(field) == null || !node.get(field).isTextual()) {
          throw new DataFormatException(file, line, "expected a string field \"" + field + "\"");
        }
      }
      questions.add(
          new Question(
              node.get("question").asText(),
              node.get("source").asText(),
              node.get("title").asText()));
    }
    return questions;
  }
}
