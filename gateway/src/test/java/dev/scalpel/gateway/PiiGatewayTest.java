package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.gateway.accounting.HandoffQueue;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.stub.RecordedRequest;
import dev.scalpel.upstream.stub.StubLlm;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal data through a running gateway: a hosted tier whose policy is {@code redact} (and which
 * refuses social security numbers) never receives an original value, an on-premises tier with
 * policy {@code raw} receives the request as written, the client gets its originals back, and the
 * request log and hand-off queue store redacted text.
 */
@Timeout(60)
class PiiGatewayTest {
  private static final String EMAIL = "dana.whitfield@example.org";
  private static final String CARD = "4111 1111 1111 1111";
  private static final String SSN = "078-05-1120";
  private static final String QUESTION =
      "Tell me a joke about penguins and mail it to " + EMAIL + ", my card is " + CARD;

  @TempDir static Path dir;
  private static StubLlm hosted;
  private static StubLlm onPrem;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    hosted = StubLlm.start();
    onPrem = StubLlm.start();
    gateway =
        RunningGateway.start(
            GatewayYaml.create()
                .tier("hosted", hosted.baseUrl(), "gpt-4o", "10s", 0)
                .tierOption("refuse_pii", "[US_SSN]")
                .tier("onprem", onPrem.baseUrl(), "llama-3.1-8b", "10s", 0, 0, 0)
                .tierOption("pii", "raw")
                .fallback("hosted", "onprem")
                .write(dir));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    hosted.close();
    onPrem.close();
  }

  @BeforeEach
  void clear() {
    hosted.clearRequests();
    onPrem.clearRequests();
  }

  @Test
  void aRedactingTierGetsPlaceholdersAndTheClientGetsItsOriginalsBack() {
    HttpResponse<String> r = gateway.chat(Bodies.chat("scalpel", QUESTION));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    RecordedRequest sent = hosted.requests().getFirst();
    assertThat(sent.body()).doesNotContain(EMAIL, CARD, "4111111111111111");
    assertThat(sent.json().path("messages").get(0).path("content").asText())
        .isEqualTo(
            "Tell me a joke about penguins and mail it to [EMAIL_1], my card is [CREDIT_CARD_1]");
    assertThat(ChatCompletionsTest.content(r)).isEqualTo("Stub answer to: " + QUESTION);
  }

  @Test
  void aStreamedAnswerGetsItsOriginalsBackToo() {
    HttpResponse<String> r = gateway.chat(Bodies.streamed("scalpel", QUESTION, false));

    assertThat(hosted.requests().getFirst().body()).doesNotContain(EMAIL, CARD);
    assertThat(Sse.parse(r.body()).content()).isEqualTo("Stub answer to: " + QUESTION);
  }

  @Test
  void everyRoleIsRedactedWithOneNumbering() {
    var body =
        Bodies.chat("scalpel", "is " + EMAIL + " still on file? what about other@example.net");
    body.withArray("messages")
        .insertObject(0)
        .put("role", "system")
        .put("content", "The customer is " + EMAIL + ".");

    gateway.chat(body);

    List<String> contents =
        hosted.requests().getFirst().json().path("messages").findValuesAsText("content");
    assertThat(contents)
        .containsExactly(
            "The customer is [EMAIL_1].", "is [EMAIL_1] still on file? what about [EMAIL_2]");
  }

  @Test
  void theRequestLogStoresRedactedText() {
    HttpResponse<String> r = gateway.chat(Bodies.chat("scalpel", QUESTION));

    RequestRecord row = gateway.row(r);
    assertThat(row.requestText())
        .isEqualTo(
            "Tell me a joke about penguins and mail it to [EMAIL_1], my card is [CREDIT_CARD_1]");
  }

  @Test
  void aRawTierGetsTheRequestAsWritten() {
    HttpResponse<String> r = gateway.chat(Bodies.chat("llama-3.1-8b", QUESTION));

    assertThat(header(r, "x-scalpel-route")).isEqualTo("passthrough");
    assertThat(onPrem.requests().getFirst().json().path("messages").get(0).path("content").asText())
        .isEqualTo(QUESTION);
  }

  @Test
  void aTierThatRefusesAKindIsSkippedForRequestsHoldingIt() {
    HttpResponse<String> r =
        gateway.chat(Bodies.chat("scalpel", "Tell me a joke; my SSN is " + SSN));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(hosted.requests()).isEmpty();
    assertThat(onPrem.requests()).hasSize(1);
    assertThat(gateway.row(r).upstream()).isEqualTo("onprem");
  }

  @Test
  void aRequestNoAllowedTierMayReceiveIsRejected() {
    HttpResponse<String> r = gateway.chat(Bodies.chat("gpt-4o", "my SSN is " + SSN));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r.body()).path("error").path("code").asText()).isEqualTo("pii_not_allowed");
    assertThat(json(r.body()).path("error").path("message").asText())
        .contains("US_SSN")
        .doesNotContain(SSN);
    assertThat(header(r, "x-scalpel-route")).isEqualTo("rejected");
    assertThat(hosted.requests()).isEmpty();
    assertThat(gateway.row(r).requestText()).isEqualTo("my SSN is [US_SSN_1]");
  }

  @Test
  void aHandedOffConversationIsStoredRedacted() {
    HttpResponse<String> r =
        gateway.chat(
            Bodies.chat("scalpel", "I want to speak to a human, call me at +1 415 555 2671"));

    assertThat(header(r, "x-scalpel-route")).isEqualTo("handoff");
    String conversation =
        HandoffQueue.open(gateway.dataDir())
            .find(header(r, "x-scalpel-request-id"))
            .orElseThrow()
            .conversation();
    assertThat(conversation).contains("[PHONE_1]").doesNotContain("555 2671");
  }
}
