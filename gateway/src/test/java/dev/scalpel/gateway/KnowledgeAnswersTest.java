package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static dev.scalpel.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.knowledge.Corpus;
import dev.scalpel.knowledge.KnowledgeBase;
import dev.scalpel.knowledge.KnowledgeIndexer;
import dev.scalpel.knowledge.SplitOptions;
import dev.scalpel.upstream.stub.StubLlm;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels that answer from the example knowledge base (with their sources in the content and in the
 * {@code scalpel} extension field) and escalations grounded in its passages, through a running
 * gateway.
 */
@Timeout(120)
class KnowledgeAnswersTest {
  private static final Path KB = Path.of("..", "examples", "kb").toAbsolutePath().normalize();

  @TempDir static Path dir;
  private static StubLlm stub;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    Path data = dir.resolve("data");
    try (SentenceEncoder encoder = Encoders.open(EncoderSpec.DEFAULT)) {
      KnowledgeIndexer.create(encoder)
          .index(
              Corpus.read(KB, SplitOptions.defaults()),
              KnowledgeBase.directory(data, "support"),
              Progress.NONE);
    }
    stub = StubLlm.start();
    gateway =
        RunningGateway.start(
            GatewayYaml.create()
                .tier("large", stub.baseUrl(), "gpt-4o", "10s", 0)
                .label("return_item", "answer_from_kb: {kb: support}")
                .label(
                    "refund_status",
                    "escalate: {kb: support, system_prompt: \"You are Northwind's assistant.\"}")
                .section("knowledge:\n  - name: support\n    min_similarity: 0.6")
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
  void clear() {
    stub.clearRequests();
  }

  @Test
  void aKnowledgeLabelIsAnsweredLocallyWithItsSources() {
    HttpResponse<String> r =
        gateway.chat(Bodies.chat("scalpel", "Is there a restocking fee when returning an e-bike?"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(header(r, "x-scalpel-route")).isEqualTo("local");
    assertThat(stub.requests()).isEmpty();
    JsonNode body = json(r.body());
    JsonNode sources = body.path("scalpel").path("sources");
    assertThat(sources.size()).isEqualTo(1);
    assertThat(sources.get(0).path("source").asText()).endsWith(".md");
    assertThat(ChatCompletionsTest.content(r))
        .contains("Source: " + sources.get(0).path("title").asText());
  }

  @Test
  void anEscalationIsGroundedInTheBestPassages() {
    HttpResponse<String> r =
        gateway.chat(
            Bodies.chat("scalpel", "Could you let me know whether my money has been paid back?"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(header(r, "x-scalpel-route")).isEqualTo("escalated");
    String system =
        stub.requests().getFirst().json().path("messages").get(0).path("content").asText();
    assertThat(system).startsWith("You are Northwind's assistant.").contains("[1]", "[3]");
    assertThat(json(r.body()).path("scalpel").path("sources").size()).isEqualTo(3);
  }
}
