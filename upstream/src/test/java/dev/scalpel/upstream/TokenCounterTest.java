package dev.scalpel.upstream;

import static dev.scalpel.upstream.Fixtures.COUNTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.io.Json;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TokenCounterTest {
  @Test
  void countsTextTokens() {
    assertThat(COUNTER.encoding()).isEqualTo("o200k_base");
    assertThat(COUNTER.countText("")).isZero();
    assertThat(COUNTER.countText("hello")).isEqualTo(1);
    assertThat(COUNTER.countText("hello world")).isEqualTo(2);
    assertThat(COUNTER.countText("hello world ".repeat(100))).isBetween(150, 250);
  }

  @Test
  void specialTokenMarkersAreOrdinaryText() {
    assertThat(COUNTER.countText("<|endoftext|>")).isGreaterThan(1);
  }

  @Test
  void countsMessagesWithOpenAisOverhead() throws Exception {
    JsonNode one = Json.mapper().readTree("[{\"role\":\"user\",\"content\":\"hello\"}]");
    // 3 per message + "user" + "hello" + 3 priming the reply
    assertThat(COUNTER.countMessages(one)).isEqualTo(3 + 1 + 1 + 3);

    JsonNode named =
        Json.mapper().readTree("[{\"role\":\"user\",\"name\":\"bob\",\"content\":\"hello\"}]");
    assertThat(COUNTER.countMessages(named)).isEqualTo(8 + 1 + COUNTER.countText("bob"));

    JsonNode parts =
        Json.mapper()
            .readTree(
                "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hello\"},"
                    + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://x\"}}]}]");
    assertThat(COUNTER.countMessages(parts)).isEqualTo(8);
  }

  @Test
  void notAnArrayCountsZero() throws Exception {
    assertThat(COUNTER.countMessages(Json.mapper().readTree("{\"role\":\"user\"}"))).isZero();
    assertThat(COUNTER.countMessages(null)).isZero();
  }

  @Test
  void otherEncodingAndUnknownName() {
    assertThat(TokenCounter.create("cl100k_base").countText("hello world")).isEqualTo(2);
    assertThatThrownBy(() -> TokenCounter.create("gpt2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token encoding: expected o200k_base or cl100k_base, found 'gpt2'");
  }

  @Property(tries = 200)
  void anyTextCountsWithoutFailing(@ForAll @StringLength(max = 300) String text) {
    int count = COUNTER.countText(text);
    assertThat(count).isBetween(text.isEmpty() ? 0 : 1, Math.max(1, text.length() * 4));
  }

  @Property(tries = 100)
  void anyJsonMessagesCountWithoutFailing(@ForAll @StringLength(max = 200) String content)
      throws Exception {
    String escaped = Json.mapper().writeValueAsString(content);
    JsonNode weird =
        Json.mapper()
            .readTree(
                "[{\"role\":"
                    + escaped
                    + ",\"content\":["
                    + escaped
                    + ",{\"text\":7}]},"
                    + " 3, null, {\"content\":{\"text\":"
                    + escaped
                    + "}}]");
    assertThat(COUNTER.countMessages(weird)).isGreaterThanOrEqualTo(3);
  }
}
