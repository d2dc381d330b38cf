package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.stub.StubLlm;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Client mistakes get a 400 (413 for an oversize body) in OpenAI's error shape, naming the
 * parameter and saying what is wrong; never a 500, never an upstream call; and each leaves a {@code
 * rejected} log row.
 */
@Timeout(60)
class BadInputTest {
  private static final int MAX_BODY = 4096;

  @TempDir static Path dir;
  private static StubLlm stub;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    stub = StubLlm.start();
    gateway =
        RunningGateway.start(
            GatewayYaml.create()
                .server("max_body_bytes", Integer.toString(MAX_BODY))
                .server("max_messages", "8")
                .server("max_prompt_tokens", "200")
                .tier("primary", stub.baseUrl(), "gpt-4o", "10s", 0)
                .write(dir));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    stub.close();
  }

  @BeforeEach
  void resetStub() {
    stub.clearRequests();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          malformed JSON         | {"model": "scalpel", "messages": [                                 | | the request body is not valid JSON:
          not an object          | [{"model": "scalpel"}]                                             | | the request body must be a JSON object
          a bare string          | "hello"                                                            | | the request body must be a JSON object
          no model               | {"messages": [{"role": "user", "content": "hi"}]}                  | model | you must provide a model parameter (a string)
          model a number         | {"model": 4, "messages": [{"role": "user", "content": "hi"}]}      | model | you must provide a model parameter (a string)
          no messages            | {"model": "scalpel"}                                               | messages | messages must be an array of message objects
          messages an object     | {"model": "scalpel", "messages": {"role": "user"}}                 | messages | messages must be an array of message objects
          messages a string      | {"model": "scalpel", "messages": "hi"}                             | messages | messages must be an array of message objects
          empty messages         | {"model": "scalpel", "messages": []}                               | messages | messages must not be empty
          a message not an object| {"model": "scalpel", "messages": ["hi"]}                           | messages[0] | messages[0] must be an object with a role and content
          content a number       | {"model": "scalpel", "messages": [{"role": "user", "content": 42}]} | messages[0].content | messages[0].content must be a string or an array of content parts
          content missing        | {"model": "scalpel", "messages": [{"role": "user"}]}               | messages[0].content | messages[0].content is required
          a part without type    | {"model": "scalpel", "messages": [{"role": "user", "content": [{"text": "hi"}]}]} | messages[0].content[0] | messages[0].content[0] must be an object with a type
          a text part's text     | {"model": "scalpel", "messages": [{"role": "user", "content": [{"type": "text", "text": 1}]}]} | messages[0].content[0].text | messages[0].content[0].text must be a string
          stream a string        | {"model": "scalpel", "stream": "yes", "messages": [{"role": "user", "content": "hi"}]} | stream | stream must be a boolean, found "yes"
          stream a number        | {"model": "scalpel", "stream": 1, "messages": [{"role": "user", "content": "hi"}]} | stream | stream must be a boolean, found 1
          stream_options a list  | {"model": "scalpel", "stream": true, "stream_options": [], "messages": [{"role": "user", "content": "hi"}]} | stream_options | stream_options must be an object
          role missing           | {"model": "scalpel", "messages": [{"content": "hi"}]}              | messages[0].role | messages[0].role must be one of
          role unknown           | {"model": "scalpel", "messages": [{"role": "robot", "content": "hi"}]} | messages[0].role | messages[0].role must be one of
          second message's role  | {"model": "scalpel", "messages": [{"role": "user", "content": "hi"}, {"role": 7, "content": "x"}]} | messages[1].role | messages[1].role must be one of
          """)
  void aMalformedRequestIs400NamingTheParameter(
      String what, String body, String param, String messageStart) {
    HttpResponse<String> response = gateway.post("/v1/chat/completions", body);

    assertRejected(response, 400, param == null ? "" : param, messageStart);
  }

  @Test
  void anUnknownRoleIsNamedInTheMessage() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/chat/completions",
            "{\"model\": \"scalpel\", \"messages\": [{\"role\": \"robot\", \"content\": \"hi\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).path("error").path("message").asText())
        .endsWith(", found \"robot\"")
        .contains("user", "assistant", "system");
  }

  @Test
  void includeUsageOfTheWrongTypeIsNamedWithItsFullPath() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/chat/completions",
            "{\"model\": \"scalpel\", \"stream\": true, \"stream_options\": {\"include_usage\":"
                + " \"yes\"}, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");

    assertRejected(response, 400, "stream_options.include_usage", "");
  }

  @Test
  void invalidUtf8Is400() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        "{\"model\": \"scalpel\", \"messages\": [{\"role\": \"user\", \"content\": \"caf"
            .getBytes(UTF_8));
    body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
    body.writeBytes("\"}]}".getBytes(UTF_8));

    HttpResponse<String> response = gateway.post("/v1/chat/completions", body.toByteArray());

    assertRejected(response, 400, "", "the request body is not valid UTF-8");
  }

  @Test
  void anEmptyBodyIs400() {
    HttpResponse<String> response = gateway.post("/v1/chat/completions", new byte[0]);

    assertRejected(response, 400, "", "the request body must be a JSON object");
  }

  @Test
  void deeplyNestedJsonIs400() {
    String body =
        "{\"model\": \"scalpel\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}],"
            + " \"metadata\": "
            + "[".repeat(1500)
            + "]".repeat(1500)
            + "}";

    HttpResponse<String> response = gateway.post("/v1/chat/completions", body);

    assertRejected(response, 400, "", "the request body is not valid JSON");
  }

  @Test
  void tooManyMessagesIs400() {
    StringBuilder body = new StringBuilder("{\"model\": \"scalpel\", \"messages\": [");
    for (int i = 0; i < 9; i++) {
      body.append(i == 0 ? "" : ",").append("{\"role\": \"user\", \"content\": \"hi\"}");
    }
    body.append("]}");

    HttpResponse<String> response = gateway.post("/v1/chat/completions", body.toString());

    assertRejected(response, 400, "messages", "too many messages: 9 (at most 8)");
  }

  @Test
  void aPromptOverTheTokenLimitIs400() {
    String text = "where is my order ".repeat(60);

    HttpResponse<String> response = gateway.chat(Bodies.chat("scalpel", text));

    assertRejected(response, 400, "messages", "the prompt has about ");
    assertThat(json(response.body()).path("error").path("message").asText())
        .endsWith("tokens; this gateway accepts at most 200");
  }

  @Test
  void anOversizeBodyIs413InOpenAisShape() {
    String text = "x".repeat(MAX_BODY + 100);

    HttpResponse<String> response = gateway.chat(Bodies.chat("scalpel", text));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(header(response, "content-type")).as(response.body()).startsWith("application/json");
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("code").asText()).isEqualTo("request_too_large");
    assertThat(error.path("message").asText()).endsWith("this gateway accepts at most " + MAX_BODY);
    assertThat(stub.requests()).isEmpty();
    RequestRecord row = gateway.row(response);
    assertThat(row.route()).isEqualTo(Route.REJECTED);
    assertThat(row.status()).isEqualTo(413);
  }

  @Test
  void aLoneSurrogateEscapeIsNotAServerError() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/chat/completions",
            "{\"model\": \"scalpel\", \"messages\": [{\"role\": \"user\", \"content\":"
                + " \"Where is my order \\ud800?\"}]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "x-scalpel-route")).isIn("local", "escalated");
  }

  private static void assertRejected(
      HttpResponse<String> response, int status, String param, String messageStart) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(header(response, "content-type")).startsWith("application/json");
    assertThat(header(response, "x-scalpel-route")).isEqualTo("rejected");
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("message").asText()).startsWith(messageStart);
    if (param.isEmpty()) {
      assertThat(error.path("param").isNull()).as("param of %s", error).isTrue();
    } else {
      assertThat(error.path("param").asText()).isEqualTo(param);
    }
    assertThat(stub.requests()).as("no upstream call").isEmpty();
    RequestRecord row = gateway.row(response);
    assertThat(row.route()).isEqualTo(Route.REJECTED);
    assertThat(row.status()).isEqualTo(status);
    assertThat(row.apiKeyId()).isEqualTo(GatewayYaml.KEY_NAME);
    assertThat(row.error()).isEqualTo(error.path("message").asText());
  }
}
