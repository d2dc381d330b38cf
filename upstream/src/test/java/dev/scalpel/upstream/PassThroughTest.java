package dev.scalpel.upstream;

import static dev.scalpel.upstream.Fixtures.COUNTER;
import static dev.scalpel.upstream.Fixtures.chat;
import static dev.scalpel.upstream.Fixtures.results;
import static dev.scalpel.upstream.Fixtures.soon;
import static dev.scalpel.upstream.Fixtures.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.upstream.stub.StubLlm;
import dev.scalpel.upstream.stub.StubOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What reaches the upstream: the body unchanged but for the model, the key, and embeddings. */
class PassThroughTest {
  private static StubLlm open;
  private static StubLlm guarded;
  private Upstreams upstreams;

  @BeforeAll
  static void startStubs() {
    open = StubLlm.start();
    guarded = StubLlm.start(StubOptions.defaults().withApiKey("sk-stub-secret"));
  }

  @AfterAll
  static void stopStubs() {
    open.close();
    guarded.close();
  }

  @BeforeEach
  void setUp() {
    open.clearRequests();
    guarded.clearRequests();
    upstreams = Fixtures.upstreams().environment(Map.of("STUB_KEY", "sk-stub-secret")::get).build();
  }

  @AfterEach
  void tearDown() {
    upstreams.close();
  }

  @Test
  void unusedParametersReachTheUpstreamUnchanged() throws Exception {
    String json =
        "{\"model\":\"scalpel\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi there\"}]}],"
            + "\"temperature\":0.25,\"top_p\":0.9,\"seed\":7,\"user\":\"u-42\","
            + "\"logit_bias\":{\"50256\":-100},\"response_format\":{\"type\":\"text\"},"
            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{}}}],"
            + "\"vendor_extension\":{\"nested\":[1,2.5,null,true]}}";
    ObjectNode request = (ObjectNode) Json.mapper().readTree(json);
    ObjectNode before = request.deepCopy();

    UpstreamOutcome outcome =
        upstreams.complete(List.of(tier("open", open)), request, soon(), Cancellation.create());

    assertThat(outcome).isInstanceOf(UpstreamOutcome.Completed.class);
    ObjectNode expected = before.deepCopy();
    expected.put("model", "model-open");
    assertThat(open.requests().get(0).json()).isEqualTo(expected);
    assertThat(request).isEqualTo(before);
  }

  @Test
  void usageAndCostComeFromTheResponse() {
    ObjectNode request = chat("what does it cost");
    Tier priced = tier("open", open).withPrices(new Prices(2.5, 10));

    UpstreamOutcome.Completed completed =
        (UpstreamOutcome.Completed)
            upstreams.complete(List.of(priced), request, soon(), Cancellation.create());

    int prompt = COUNTER.countMessages(request.get("messages"));
    int answer = COUNTER.countText("Stub answer to: what does it cost");
    assertThat(completed.usage()).isEqualTo(new Usage(prompt, answer, Usage.Source.UPSTREAM));
    assertThat(completed.cost()).isEqualTo((prompt * 2.5 + answer * 10) / 1_000_000.0);
  }

  @Test
  void bearerKeyComesFromTheEnvironmentLookup() {
    Tier keyed = tier("guarded", guarded).withApiKeyEnv("STUB_KEY");

    UpstreamOutcome outcome =
        upstreams.complete(List.of(keyed), chat("hi"), soon(), Cancellation.create());

    assertThat(outcome).isInstanceOf(UpstreamOutcome.Completed.class);
    assertThat(guarded.requests().get(0).header("Authorization")).contains("Bearer sk-stub-secret");
  }

  @Test
  void noAuthorizationHeaderWithoutAKeyVariable() {
    upstreams.complete(List.of(tier("open", open)), chat("hi"), soon(), Cancellation.create());

    assertThat(open.requests().get(0).header("Authorization")).isEmpty();
  }

  @Test
  void missingKeyVariableIsAnUpstreamErrorNotTheClients() {
    Tier keyed = tier("guarded", guarded).withApiKeyEnv("UNSET_KEY");

    UpstreamOutcome.Failed failed =
        (UpstreamOutcome.Failed)
            upstreams.complete(List.of(keyed), chat("hi"), soon(), Cancellation.create());

    assertThat(failed.status()).isEqualTo(502);
    assertThat(failed.error().message()).contains("UNSET_KEY");
    assertThat(results(failed)).containsExactly(Attempt.Result.UPSTREAM_AUTH_ERROR);
    assertThat(guarded.requests()).isEmpty();
  }

  @Test
  void rejectedKeyFallsBackAndIsNeverShownAs401() {
    Upstreams wrongKey =
        Fixtures.upstreams().environment(Map.of("STUB_KEY", "sk-wrong")::get).build();
    Tier keyed = tier("guarded", guarded).withApiKeyEnv("STUB_KEY");
    try (wrongKey) {
      UpstreamOutcome alone =
          wrongKey.complete(List.of(keyed), chat("hi"), soon(), Cancellation.create());
      UpstreamOutcome chained =
          wrongKey.complete(
              List.of(keyed, tier("open", open)), chat("hi"), soon(), Cancellation.create());

      assertThat(((UpstreamOutcome.Failed) alone).status()).isEqualTo(502);
      assertThat(results(alone)).containsExactly(Attempt.Result.UPSTREAM_AUTH_ERROR);
      assertThat(((UpstreamOutcome.Completed) chained).tier().name()).isEqualTo("open");
    }
  }

  @Test
  void embeddingsPassThrough() throws Exception {
    ObjectNode request =
        (ObjectNode)
            Json.mapper()
                .readTree("{\"model\":\"embed\",\"input\":[\"a cat\",\"a dog\",\"a cat\"]}");

    UpstreamOutcome.Completed completed =
        (UpstreamOutcome.Completed)
            upstreams.embed(List.of(tier("open", open)), request, soon(), Cancellation.create());

    JsonNode data = completed.response().get("data");
    assertThat(data).hasSize(3);
    assertThat(data.get(0).get("embedding")).hasSize(8);
    assertThat(data.get(0).get("embedding")).isEqualTo(data.get(2).get("embedding"));
    assertThat(data.get(0).get("embedding")).isNotEqualTo(data.get(1).get("embedding"));
    assertThat(completed.usage().promptTokens())
        .isEqualTo(2 * COUNTER.countText("a cat") + COUNTER.countText("a dog"));
    assertThat(open.requests().get(0).path()).isEqualTo("/v1/embeddings");
    assertThat(open.requests().get(0).json().get("model").asText()).isEqualTo("model-open");
  }

  @Test
  void invalidCallsAreProgrammingErrors() {
    ObjectNode streaming = chat("hi").put("stream", true);
    List<Tier> chain = List.of(tier("open", open));

    assertThatThrownBy(() -> upstreams.complete(chain, streaming, soon(), Cancellation.create()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stream()");
    assertThatThrownBy(
            () -> upstreams.complete(List.of(), chat("hi"), soon(), Cancellation.create()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one tier");
  }
}
