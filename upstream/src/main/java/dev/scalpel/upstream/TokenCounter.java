package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Counts tokens the way OpenAI's tokenizers do, for accounting when an upstream does not report
 * {@code usage}. Thread-safe; create one and share it (loading an encoding takes a moment).
 */
public interface TokenCounter {
  /** A counter with {@code o200k_base}, the encoding of the GPT-4o family. */
  static TokenCounter create() {
    return JtokkitTokenCounter.create("o200k_base");
  }

  /** A counter with the named encoding: {@code o200k_base} or {@code cl100k_base}. */
  static TokenCounter create(String encoding) {
    return JtokkitTokenCounter.create(encoding);
  }

  /** The encoding's name. */
  String encoding();

  /** Tokens of plain text; special-token markers in it count as ordinary text. */
  int countText(String text);

  /**
   * Prompt tokens of a chat {@code messages} array, with OpenAI's published approximation: 3 tokens
   * per message, 1 more per {@code name}, the tokens of role, name and text content (text parts of
   * a content array, tool call names and arguments), and 3 that prime the reply. Anything that is
   * not an array counts 0.
   */
  int countMessages(JsonNode messages);
}
