package dev.scalpel.gateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The chat-completions body parser: what it extracts from valid bodies, and that garbage only ever
 * gets a 400 {@link ApiException}, never another exception.
 */
class ChatRequestParserTest {
  private final ChatRequestParser parser = new ChatRequestParser(16);

  private ChatRequest parse(String json) {
    return parser.parse(json.getBytes(UTF_8));
  }

  @Test
  void aPlainTextRequestMayBeAnsweredLocally() {
    ChatRequest request =
        parse(
            """
            {"model": "scalpel", "user": "u-7", "messages": [
              {"role": "system", "content": "Be brief."},
              {"role": "user", "content": "first"},
              {"role": "assistant", "content": "ok"},
              {"role": "user", "content": "Where is my order?"}]}
            """);

    assertThat(request.model()).isEqualTo("scalpel");
    assertThat(request.stream()).isFalse();
    assertThat(request.includeUsage()).isFalse();
    assertThat(request.lastUserText()).isEqualTo("Where is my order?");
    assertThat(request.localAllowed()).isTrue();
    assertThat(request.user()).isEqualTo("u-7");
    assertThat(request.messages()).hasSize(4);
  }

  @Test
  void textPartsAreJoinedAndStayLocal() {
    ChatRequest request =
        parse(
            """
            {"model": "scalpel", "messages": [{"role": "user", "content": [
              {"type": "text", "text": "Where is"}, {"type": "text", "text": "my order?"}]}]}
            """);

    assertThat(request.lastUserText()).isEqualTo("Where is\nmy order?");
    assertThat(request.localAllowed()).isTrue();
  }

  @Test
  void streamingWithUsage() {
    ChatRequest request =
        parse(
            """
            {"model": "scalpel", "stream": true, "stream_options": {"include_usage": true},
             "messages": [{"role": "user", "content": "hi"}]}
            """);

    assertThat(request.stream()).isTrue();
    assertThat(request.includeUsage()).isTrue();
  }

  @Test
  void toolsImagesAndToolResultsAreNeverLocal() {
    String user = "{\"role\": \"user\", \"content\": \"Where is my order?\"}";
    assertThat(
            parse(
                    "{\"model\": \"s\", \"tools\": [{\"type\": \"function\"}], \"messages\": ["
                        + user
                        + "]}")
                .localAllowed())
        .isFalse();
    assertThat(
            parse(
                    "{\"model\": \"s\", \"functions\": [{\"name\": \"f\"}], \"messages\": ["
                        + user
                        + "]}")
                .localAllowed())
        .isFalse();
    assertThat(
            parse("{\"model\": \"s\", \"tool_choice\": \"auto\", \"messages\": [" + user + "]}")
                .localAllowed())
        .isFalse();
    assertThat(
            parse(
                    "{\"model\": \"s\", \"messages\": ["
                        + user
                        + ", {\"role\": \"tool\", \"tool_call_id\": \"c\", \"content\": \"x\"}]}")
                .localAllowed())
        .isFalse();
    assertThat(
            parse(
                    "{\"model\": \"s\", \"messages\": [{\"role\": \"assistant\", \"content\": null,"
                        + " \"tool_calls\": [{\"id\": \"c\"}]}, "
                        + user
                        + "]}")
                .localAllowed())
        .isFalse();
    ChatRequest image =
        parse(
            "{\"model\": \"s\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\":"
                + " \"text\", \"text\": \"Where is my order?\"}, {\"type\": \"image_url\","
                + " \"image_url\": {\"url\": \"https://example.com/a.png\"}}]}]}");
    assertThat(image.localAllowed()).isFalse();
    assertThat(image.lastUserText()).isEqualTo("Where is my order?");
  }

  @Test
  void anEmptyToolsListDoesNotCount() {
    assertThat(
            parse(
                    "{\"model\": \"s\", \"tools\": [], \"messages\": [{\"role\": \"user\","
                        + " \"content\": \"hi\"}]}")
                .localAllowed())
        .isTrue();
  }

  @Test
  void aConversationWithoutUserTextIsNotLocal() {
    ChatRequest request =
        parse("{\"model\": \"s\", \"messages\": [{\"role\": \"system\", \"content\": \"hi\"}]}");

    assertThat(request.lastUserText()).isEmpty();
    assertThat(request.localAllowed()).isFalse();
  }

  @Test
  void tooManyMessagesAreRejected() {
    StringBuilder json = new StringBuilder("{\"model\": \"s\", \"messages\": [");
    for (int i = 0; i < 17; i++) {
      json.append(i == 0 ? "" : ",").append("{\"role\": \"user\", \"content\": \"hi\"}");
    }

    assertThatThrownBy(() -> parse(json.append("]}").toString()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.param()).isEqualTo("messages");
              assertThat(e).hasMessage("too many messages: 17 (at most 16)");
            });
  }

  @Property(tries = 1000)
  void garbageIsOnlyEverA400(@ForAll("bodies") byte[] body) {
    try {
      ChatRequest request = parser.parse(body);
      assertThat(request.model()).isNotBlank();
      assertThat(request.messages().isArray()).isTrue();
      assertThat(request.messages().size()).isBetween(1, 16);
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.type()).isEqualTo("invalid_request_error");
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return GarbageBodies.any();
  }
}
