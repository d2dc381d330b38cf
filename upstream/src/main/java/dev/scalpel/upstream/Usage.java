package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Tokens one upstream call consumed. {@link Source#UPSTREAM} when the upstream reported them in its
 * {@code usage} object, {@link Source#ESTIMATED} when Scalpel counted them with a {@link
 * TokenCounter} because it did not.
 */
public record Usage(int promptTokens, int completionTokens, Source source) {
  /** Where the counts come from. */
  public enum Source {
    UPSTREAM,
    ESTIMATED
  }

  public Usage {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException(
          "usage: expected token counts >= 0, found prompt "
              + promptTokens
              + " and completion "
              + completionTokens);
    }
    if (source == null) {
      throw new IllegalArgumentException("usage: expected a source, found null");
    }
  }

  public int totalTokens() {
    return promptTokens + completionTokens;
  }

  /**
   * The usage an OpenAI-style response or chunk reports in its {@code usage} object, or empty when
   * it carries none (absent, {@code null}, or without a numeric {@code prompt_tokens}).
   */
  public static Optional<Usage> reportedIn(JsonNode response) {
    JsonNode usage = response == null ? null : response.get("usage");
    if (usage == null || !usage.isObject() || !usage.path("prompt_tokens").canConvertToInt()) {
      return Optional.empty();
    }
    int prompt = usage.path("prompt_tokens").asInt();
    int completion = usage.path("completion_tokens").asInt(0);
    if (prompt < 0 || completion < 0) {
      return Optional.empty();
    }
    return Optional.of(new Usage(prompt, completion, Source.UPSTREAM));
  }
}
