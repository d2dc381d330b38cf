package dev.scalpel.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.gateway.config.GuardConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streamed answers get their originals back even when a placeholder is split over chunks. */
class StreamRestorerTest {
  private static final String EMAIL = "dana.whitfield@example.org";

  private final Guarded guarded =
      PiiGuard.create(GuardConfig.defaults())
          .protectChat(chatBody("write to " + EMAIL), "write to " + EMAIL);

  @Test
  void theRequestIsRedacted() {
    assertThat(guarded.redactedLastUserText()).isEqualTo("write to [EMAIL_1]");
    assertThat(guarded.redacted().toString()).doesNotContain(EMAIL);
    assertThat(guarded.raw().toString()).contains(EMAIL);
  }

  @Test
  void aPlaceholderSplitOverChunksIsRestored() {
    StreamRestorer restorer = new StreamRestorer(guarded);

    List<String> out = new ArrayList<>();
    for (String piece : List.of("Sure, I wrote to [EM", "AIL", "_1] and to [", "EMAIL_1]!")) {
      out.add(content(restorer.apply(chunk(piece, null))));
    }
    out.add(content(restorer.apply(chunk("", "stop"))));

    assertThat(out).containsExactly("Sure, I wrote to ", "", EMAIL + " and to ", EMAIL + "!", "");
  }

  @Test
  void anUnclosedBracketIsReleasedWhenTheChoiceFinishes() {
    StreamRestorer restorer = new StreamRestorer(guarded);

    assertThat(content(restorer.apply(chunk("a [note", null)))).isEqualTo("a ");
    assertThat(content(restorer.apply(chunk(" here", "stop")))).isEqualTo("[note here");
  }

  @Test
  void chunksWithoutChoicesPassUnchanged() {
    String usage = "{\"choices\":[],\"usage\":{\"prompt_tokens\":3}}";

    assertThat(new StreamRestorer(guarded).apply(usage)).isEqualTo(usage);
  }

  private static String chunk(String content, String finishReason) {
    ObjectNode chunk = Json.mapper().createObjectNode();
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.putObject("delta").put("content", content);
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return chunk.toString();
  }

  private static String content(String json) {
    try {
      return Json.mapper()
          .readTree(json)
          .path("choices")
          .get(0)
          .path("delta")
          .path("content")
          .asText();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode chatBody(String text) {
    ObjectNode body = Json.mapper().createObjectNode().put("model", "scalpel");
    body.putArray("messages").addObject().put("role", "user").put("content", text);
    return body;
  }
}
