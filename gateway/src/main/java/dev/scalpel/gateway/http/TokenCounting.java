package dev.scalpel.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Counts tokens where an upstream does not report usage, and for answers Scalpel writes itself. */
public interface TokenCounting {
  /** Prompt tokens of a chat {@code messages} array. */
  long countMessages(JsonNode messages);

  long countText(String text);
}
