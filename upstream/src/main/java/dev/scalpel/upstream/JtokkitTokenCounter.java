package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** {@link TokenCounter} over jtokkit's BPE encodings. */
final class JtokkitTokenCounter implements TokenCounter {
  private static final int PER_MESSAGE = 3;
  private static final int PER_NAME = 1;
  private static final int REPLY_PRIMING = 3;

  private final Encoding encoding;

  private JtokkitTokenCounter(Encoding encoding) {
    this.encoding = encoding;
  }

  static TokenCounter create(String name) {
    EncodingType type =
        switch (name) {
          case "o200k_base" -> EncodingType.O200K_BASE;
          case "cl100k_base" -> EncodingType.CL100K_BASE;
          default ->
              throw new IllegalArgumentException(
                  "token encoding: expected o200k_base or cl100k_base, found '" + name + "'");
        };
    return new JtokkitTokenCounter(Encodings.newLazyEncodingRegistry().getEncoding(type));
  }

  @Override
  public String encoding() {
    return encoding.getName();
  }

  @Override
  public int countText(String text) {
    return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
  }

  @Override
  public int countMessages(JsonNode messages) {
    if (messages == null || !messages.isArray()) {
      return 0;
    }
    int total = REPLY_PRIMING;
    for (JsonNode message : messages) {
      total += PER_MESSAGE;
      total += countText(message.path("role").asText(""));
      if (message.path("name").isTextual()) {
        total += PER_NAME + countText(message.path("name").asText());
      }
      total += countContent(message.get("content"));
      for (JsonNode call : message.path("tool_calls")) {
        total += countText(call.path("function").path("name").asText(""));
        total += countText(call.path("function").path("arguments").asText(""));
      }
    }
    return total;
  }

  private int countContent(JsonNode content) {
    if (content == null) {
      return 0;
    }
    if (content.isTextual()) {
      return countText(content.asText());
    }
    int total = 0;
    for (JsonNode part : content) {
      if (part.path("text").isTextual()) {
        total += countText(part.path("text").asText());
      }
    }
    return total;
  }
}
