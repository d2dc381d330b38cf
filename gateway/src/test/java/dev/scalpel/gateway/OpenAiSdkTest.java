package dev.scalpel.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import dev.scalpel.upstream.TokenCounter;
import dev.scalpel.upstream.stub.Fault;
import dev.scalpel.upstream.stub.StubLlm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Java SDK pointed at the gateway with only its base URL and key changed:
 * non-streaming and streaming, answered locally and escalated, and the errors it maps.
 */
@Timeout(60)
class OpenAiSdkTest {
  private static final TokenCounter TOKENS = TokenCounter.create();

  @TempDir static Path dir;
  private static StubLlm stub;
  private static RunningGateway gateway;
  private static OpenAIClient client;

  @BeforeAll
  static void start() {
    stub = StubLlm.start();
    gateway =
        RunningGateway.start(
            // Retries, because the stub's stream break now and then loses every byte (see
            // StreamAndCircuitFaultsTest), which the gateway rightly retries.
            GatewayYaml.create().tier("primary", stub.baseUrl(), "gpt-4o", "10s", 4).write(dir));
    client = client(GatewayYaml.KEY);
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (gateway != null) {
      gateway.close();
    }
    stub.close();
  }

  @BeforeEach
  void resetStub() {
    stub.faults().clear();
    stub.faults().streamBreakAfter(2);
    stub.clearRequests();
  }

  private static OpenAIClient client(String key) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(gateway.uri("/v1").toString())
        .apiKey(key)
        .maxRetries(0)
        .timeout(Duration.ofSeconds(20))
        .build();
  }

  private static ChatCompletionCreateParams params(String text) {
    return ChatCompletionCreateParams.builder().model("scalpel").addUserMessage(text).build();
  }

  @Test
  void aLocalAnswer() {
    ChatCompletion completion = client.chat().completions().create(params("Where is my order?"));

    assertThat(completion.model()).isEqualTo("scalpel");
    assertThat(completion.id()).startsWith("chatcmpl-");
    assertThat(completion.choices()).hasSize(1);
    ChatCompletion.Choice choice = completion.choices().getFirst();
    assertThat(choice.message().content()).contains(GatewayYaml.TRACK_ORDER_ANSWER);
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    CompletionUsage usage = completion.usage().orElseThrow();
    assertThat(usage.completionTokens())
        .isEqualTo(TOKENS.countText(GatewayYaml.TRACK_ORDER_ANSWER));
    assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void theRouteHeadersReachTheSdksRawResponse() {
    try (HttpResponseFor<ChatCompletion> raw =
        client.chat().completions().withRawResponse().create(params("Where is my order?"))) {
      assertThat(raw.statusCode()).isEqualTo(200);
      assertThat(raw.headers().values("x-scalpel-route")).containsExactly("local");
      assertThat(raw.headers().values("x-scalpel-specialist")).containsExactly("intent");
      assertThat(raw.parse().choices().getFirst().message().content())
          .contains(GatewayYaml.TRACK_ORDER_ANSWER);
    }
  }

  @Test
  void aLocalAnswerStreamed() {
    List<ChatCompletionChunk> chunks = stream(params("Where is my order?"));

    assertThat(text(chunks)).isEqualTo(GatewayYaml.TRACK_ORDER_ANSWER);
    assertThat(chunks).allSatisfy(c -> assertThat(c.model()).isEqualTo("scalpel"));
    assertThat(chunks).allSatisfy(c -> assertThat(c.usage()).isEmpty());
    assertThat(chunks.getLast().choices().getFirst().finishReason())
        .contains(ChatCompletionChunk.Choice.FinishReason.STOP);
  }

  @Test
  void aLocalAnswerStreamedWithUsage() {
    ChatCompletionCreateParams params =
        params("Where is my order?").toBuilder()
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
            .build();

    List<ChatCompletionChunk> chunks = stream(params);

    assertThat(text(chunks)).isEqualTo(GatewayYaml.TRACK_ORDER_ANSWER);
    CompletionUsage usage = chunks.getLast().usage().orElseThrow();
    assertThat(chunks.getLast().choices()).isEmpty();
    assertThat(usage.completionTokens())
        .isEqualTo(TOKENS.countText(GatewayYaml.TRACK_ORDER_ANSWER));
  }

  @Test
  void anEscalatedAnswerWithParametersPassedThrough() {
    ChatCompletionCreateParams params =
        params("I want to cancel my order").toBuilder()
            .temperature(0.2)
            .putAdditionalBodyProperty("seed", JsonValue.from(11))
            .putAdditionalBodyProperty("x_vendor_flag", JsonValue.from(true))
            .build();

    ChatCompletion completion = client.chat().completions().create(params);

    assertThat(completion.model()).isEqualTo("gpt-4o");
    assertThat(completion.choices().getFirst().message().content())
        .contains("Stub answer to: I want to cancel my order");
    assertThat(stub.requests()).hasSize(1);
    JsonNode received = stub.requests().getFirst().json();
    assertThat(received.path("model").asText()).isEqualTo("gpt-4o");
    assertThat(received.path("temperature").asDouble()).isEqualTo(0.2);
    assertThat(received.path("seed").asLong()).isEqualTo(11);
    assertThat(received.path("x_vendor_flag").asBoolean()).isTrue();
  }

  @Test
  void anEscalatedAnswerStreamed() {
    List<ChatCompletionChunk> chunks = stream(params("I want to cancel my order"));

    assertThat(text(chunks)).isEqualTo("Stub answer to: I want to cancel my order");
    assertThat(chunks).allSatisfy(c -> assertThat(c.model()).isEqualTo("gpt-4o"));
    assertThat(stub.requests()).hasSize(1);
    assertThat(stub.requests().getFirst().json().path("stream").asBoolean()).isTrue();
  }

  @Test
  void aHandoffReply() {
    ChatCompletion completion =
        client.chat().completions().create(params("I want to speak to a human"));

    assertThat(completion.choices().getFirst().message().content())
        .contains(GatewayYaml.HANDOFF_REPLY);
  }

  @Test
  void anUnknownModelIsTheSdksNotFoundException() {
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder().model("gpt-5-ultra").addUserMessage("hi").build();

    assertThatThrownBy(() -> client.chat().completions().create(params))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.code()).contains("model_not_found");
              assertThat(e.param()).contains("model");
              assertThat(e.type()).contains("invalid_request_error");
            });
  }

  @Test
  void anUnknownKeyIsTheSdksUnauthorizedException() {
    OpenAIClient stranger = client("sk-not-ours");
    try {
      assertThatThrownBy(() -> stranger.chat().completions().create(params("Where is my order?")))
          .isInstanceOfSatisfying(
              UnauthorizedException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(401);
                assertThat(e.code()).contains("invalid_api_key");
                assertThat(e.type()).contains("authentication_error");
              });
    } finally {
      stranger.close();
    }
  }

  @Test
  void aBrokenUpstreamStreamSurfacesAsAnSdkError() {
    stub.faults().always(Fault.STREAM_BREAK);

    try (StreamResponse<ChatCompletionChunk> response =
        client.chat().completions().createStreaming(params("I want to cancel my order"))) {
      assertThatThrownBy(() -> response.stream().toList())
          .isInstanceOf(OpenAIException.class)
          .hasMessageContaining("stream broke");
    }
  }

  private static List<ChatCompletionChunk> stream(ChatCompletionCreateParams params) {
    try (StreamResponse<ChatCompletionChunk> response =
        client.chat().completions().createStreaming(params)) {
      return response.stream().toList();
    }
  }

  private static String text(List<ChatCompletionChunk> chunks) {
    return chunks.stream()
        .flatMap(c -> c.choices().stream())
        .map(c -> c.delta().content())
        .flatMap(Optional::stream)
        .collect(Collectors.joining());
  }
}
