package dev.scalpel.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TierTest {
  private static final URI BASE = URI.create("http://127.0.0.1:8089/v1");

  @Test
  void endpointsAreBelowTheBaseUrl() {
    assertThat(Tier.of("a", BASE, "m").endpoint("chat/completions"))
        .isEqualTo(URI.create("http://127.0.0.1:8089/v1/chat/completions"));
    assertThat(Tier.of("a", URI.create("https://api.example.com/v1/"), "m").endpoint("embeddings"))
        .isEqualTo(URI.create("https://api.example.com/v1/embeddings"));
  }

  @Test
  void defaultsAndWithers() {
    Tier tier =
        Tier.of("big", BASE, "gpt-x")
            .withApiKeyEnv("OPENAI_API_KEY")
            .withPrices(new Prices(2.5, 10))
            .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(9))
            .withMaxRetries(0);
    assertThat(tier)
        .isEqualTo(
            new Tier(
                "big",
                BASE,
                "gpt-x",
                "OPENAI_API_KEY",
                new Prices(2.5, 10),
                Duration.ofMillis(500),
                Duration.ofSeconds(9),
                0));
  }

  @Test
  void invalidValuesSayWhatWasExpectedAndFound() {
    assertThatThrownBy(() -> Tier.of(" ", BASE, "m"))
        .hasMessage("tier name: expected non-blank text, found ' '");
    assertThatThrownBy(() -> Tier.of("a", URI.create("ftp://host/v1"), "m"))
        .hasMessage(
            "tier 'a': base URL: expected an absolute http(s) URL such as"
                + " http://127.0.0.1:8089/v1, found 'ftp://host/v1'");
    assertThatThrownBy(() -> Tier.of("a", URI.create("/v1"), "m"))
        .hasMessageContaining("found '/v1'");
    assertThatThrownBy(() -> Tier.of("a", BASE, ""))
        .hasMessage("tier 'a': model: expected a model name, found ''");
    assertThatThrownBy(() -> Tier.of("a", BASE, "m").withApiKeyEnv("sk-123"))
        .hasMessageContaining("expected an environment variable name")
        .hasMessageEndingWith("found 'sk-123'");
    assertThatThrownBy(() -> Tier.of("a", BASE, "m").withMaxRetries(11))
        .hasMessage("tier 'a': max retries: expected 0 to 10, found 11");
    assertThatThrownBy(
            () -> Tier.of("a", BASE, "m").withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessage("tier 'a': connect timeout: expected a positive duration, found PT0S");
  }

  @Test
  void pricesCostPerMillionTokens() {
    Prices prices = new Prices(2.5, 10);
    assertThat(prices.cost(1_000_000, 1_000_000)).isEqualTo(12.5);
    assertThat(prices.cost(1000, 500))
        .isCloseTo(0.0075, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Prices.FREE.cost(123, 456)).isZero();
    assertThat(prices.cost(new Usage(1000, 500, Usage.Source.ESTIMATED)))
        .isEqualTo(prices.cost(1000, 500));
    assertThatThrownBy(() -> new Prices(-1, 0))
        .hasMessage(
            "input price: expected a finite number of USD per million tokens >= 0, found -1.0");
    assertThatThrownBy(() -> new Prices(0, Double.NaN)).hasMessageContaining("found NaN");
    assertThatThrownBy(() -> prices.cost(-1, 0)).hasMessageContaining("found input -1");
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> new BreakerSettings(4, 5, 50, Duration.ofSeconds(1), 1))
        .hasMessage("breaker minimum calls: expected 1 to the window size 4, found 5");
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
        .hasMessageContaining("expected at least the initial backoff PT2S, found PT1S");
  }

  @Test
  void backoffGrowsAndIsCapped() {
    RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(300), 2, 0);
    java.util.random.RandomGenerator random = java.util.random.RandomGenerator.getDefault();
    assertThat(policy.backoff(1, random)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoff(2, random)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoff(5, random)).isEqualTo(Duration.ofMillis(300));
    RetryPolicy jittered = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(300), 2, 0.5);
    for (int i = 0; i < 50; i++) {
      assertThat(jittered.backoff(1, random))
          .isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }
  }

  @Test
  void usageIsReadFromResponses() throws Exception {
    var mapper = dev.scalpel.core.io.Json.mapper();
    assertThat(
            Usage.reportedIn(
                mapper.readTree("{\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7}}")))
        .contains(new Usage(5, 7, Usage.Source.UPSTREAM));
    assertThat(Usage.reportedIn(mapper.readTree("{\"usage\":null}"))).isEmpty();
    assertThat(Usage.reportedIn(mapper.readTree("{\"usage\":{\"prompt_tokens\":\"x\"}}")))
        .isEmpty();
    assertThat(Usage.reportedIn(mapper.readTree("{}"))).isEmpty();
  }
}
