package dev.scalpel.gateway.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ConfigLoader} on mistakes: each fails with a {@link ConfigException} whose message names
 * the file, the key path, what was expected and what was found.
 */
class ConfigErrorsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path MODEL = ROOT.resolve("examples/quickstart/support.scalpel");

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("scalpel.yaml");
    Files.writeString(file, yaml.replace("MODEL", MODEL.toString()), UTF_8);
    return file;
  }

  private void assertFails(String yaml, String keyAndProblem) throws IOException {
    Path file = write(yaml);
    assertThatThrownBy(() -> ConfigLoader.withEnvironment(name -> null).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": " + keyAndProblem);
  }

  @Test
  void aMisspelledTopLevelKey() throws IOException {
    assertFails(
        "upstream:\n  tiers: []\n",
        "upstream: unknown key (expected one of [aliases, cache, guard, keys, knowledge, routing,"
            + " server, specialists, storage, upstreams])");
  }

  @Test
  void aMisspelledNestedKey() throws IOException {
    assertFails(
        """
        upstreams:
          tiers:
            - name: small
              base_uri: http://127.0.0.1:8089/v1
              model: gpt-4o-mini
        """,
        "upstreams.tiers[0].base_uri: unknown key (expected one of [api_key_env, base_url,"
            + " input_usd_per_million, max_retries, model, name, output_usd_per_million, pii,"
            + " refuse_pii, timeout])");
  }

  @Test
  void anUnknownPiiTypeInATiersRefusal() throws IOException {
    assertFails(
        """
        upstreams:
          tiers:
            - {name: hosted, base_url: "http://127.0.0.1:8089/v1", model: gpt-4o, refuse_pii: [SSN]}
        """,
        "upstreams.tiers[0].refuse_pii[0]: PII type: expected one of EMAIL, PHONE, CREDIT_CARD,"
            + " IBAN, US_SSN, IP_ADDRESS, SECRET, found 'SSN'");
  }

  @Test
  void anUnknownTierPiiPolicy() throws IOException {
    assertFails(
        """
        upstreams:
          tiers:
            - {name: hosted, base_url: "http://127.0.0.1:8089/v1", model: gpt-4o, pii: hide}
        """,
        "upstreams.tiers[0].pii: expected redact or raw, found \"hide\"");
  }

  @Test
  void anUnknownPhoneRegion() throws IOException {
    assertFails(
        """
        guard:
          pii:
            phone_regions: [XX]
        """,
        "guard.pii.phone_regions[0]: expected a two-letter region code such as US or DE, found"
            + " \"XX\"");
  }

  @Test
  void aLabelAnsweringFromAnUnknownKnowledgeBase() throws IOException {
    assertFails(
        """
        specialists:
          - {name: intent, model: MODEL}
        routing:
          labels:
            return_item:
              answer_from_kb: {kb: faq}
        """,
        "routing.labels.return_item.answer_from_kb.kb: no knowledge base named 'faq' (knowledge"
            + " bases: [])");
  }

  @Test
  void aKnowledgeBaseWithoutAnIndex() throws IOException {
    Path data = dir.resolve("data");
    assertFails(
        "storage:\n  data_dir: data\nknowledge:\n  - name: faq\n",
        "knowledge[0]: no knowledge-base index in "
            + data.resolve("kb").resolve("faq")
            + " (build it with: scalpel kb index FOLDER --name faq --data-dir "
            + data
            + ")");
  }

  @Test
  void aKnowledgeAnswerTemplateWithAnUnknownPlaceholder() throws IOException {
    assertFails(
        """
        specialists:
          - {name: intent, model: MODEL}
        routing:
          labels:
            return_item:
              answer_from_kb: {template: "{{answer}}"}
        """,
        "routing.labels.return_item.answer_from_kb.template: unknown placeholder {{answer}} in"
            + " answer template (expected one of [passage, passages, title, source, sources])");
  }

  @Test
  void aMisspelledServerKey() throws IOException {
    assertFails(
        "server:\n  max_body: 10\n",
        "server.max_body: unknown key (expected one of [host, max_body_bytes, max_messages,"
            + " max_prompt_tokens, port, request_deadline])");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          localhost:8089    | expected an http(s) URL such as http://127.0.0.1:8089/v1, found "localhost:8089"
          ftp://example.com | expected an http(s) URL such as http://127.0.0.1:8089/v1, found "ftp://example.com"
          /v1               | expected an http(s) URL such as http://127.0.0.1:8089/v1, found "/v1"
          http://exa mple/v1 | expected an http(s) URL, found "http://exa mple/v1"
          """)
  void aBadBaseUrl(String url, String problem) throws IOException {
    assertFails(
        """
        upstreams:
          tiers:
            - name: small
              base_url: "%s"
              model: gpt-4o-mini
        """
            .formatted(url),
        "upstreams.tiers[0].base_url: " + problem);
  }

  @Test
  void aMissingModelFile() throws IOException {
    assertFails(
        "specialists:\n  - name: intent\n    model: models/intent.scalpel\n",
        "specialists[0].model: file not found: "
            + dir.resolve("models/intent.scalpel")
            + " (expected a model file written by 'scalpel train')");
  }

  @Test
  void anUnknownTierInTheFallbackChain() throws IOException {
    assertFails(
        """
        upstreams:
          fallback: [small, large]
          tiers:
            - {name: small, base_url: "http://127.0.0.1:8089/v1", model: gpt-4o-mini}
        """,
        "upstreams.fallback[1]: no tier named 'large' (tiers: [small])");
  }

  @Test
  void anUnknownDefaultTier() throws IOException {
    assertFails(
        """
        upstreams:
          default: large
          tiers:
            - {name: small, base_url: "http://127.0.0.1:8089/v1", model: gpt-4o-mini}
        """,
        "upstreams.default: no tier named 'large' (tiers: [small])");
  }

  @Test
  void anUnknownTierInAnEscalation() throws IOException {
    assertFails(
        """
        specialists:
          - {name: intent, model: MODEL}
        routing:
          labels:
            battery_range:
              escalate:
                tier: large
        upstreams:
          tiers:
            - {name: small, base_url: "http://127.0.0.1:8089/v1", model: gpt-4o-mini}
        """,
        "routing.labels.battery_range.escalate.tier: no tier named 'large' (tiers: [small])");
  }

  @Test
  void anUnknownRoutingSpecialist() throws IOException {
    assertFails(
        """
        specialists:
          - {name: intent, model: MODEL}
        routing:
          specialist: sentiment
        """,
        "routing.specialist: no specialist named 'sentiment' (specialists: [intent])");
  }

  @Test
  void aRuleOverAnUnknownSpecialist() throws IOException {
    assertFails(
        """
        specialists:
          - {name: intent, model: MODEL}
        routing:
          rules:
            - when: {specialist: mood, label: angry}
              handoff: upset customer
        """,
        "routing.rules[0].when.specialist: no specialist named 'mood' (specialists: [intent])");
  }

  @Test
  void aRuleWithoutWhen() throws IOException {
    assertFails(
        """
        specialists:
          - {name: intent, model: MODEL}
        routing:
          rules:
            - handoff: upset customer
        """,
        "routing.rules[0]: a rule needs 'when: {specialist: ..., label: ...}'");
  }

  @Test
  void aRuleWithTwoActions() throws IOException {
    assertFails(
        """
        specialists:
          - {name: intent, model: MODEL}
        routing:
          rules:
            - when: {specialist: intent, label: speak_to_human}
              handoff: asked
              tier: large
        upstreams:
          tiers:
            - {name: large, base_url: "http://127.0.0.1:8089/v1", model: gpt-4o}
        """,
        "routing.rules[0]: expected exactly one of handoff, escalate, tier or kb, found [handoff, tier]");
  }

  @Test
  void aRuleNamingAnUnknownTier() throws IOException {
    assertFails(
        """
        specialists:
          - {name: intent, model: MODEL}
        routing:
          rules:
            - when: {specialist: intent, label: [battery_range, charging_problem]}
              tier: huge
        upstreams:
          tiers:
            - {name: large, base_url: "http://127.0.0.1:8089/v1", model: gpt-4o}
        """,
        "routing.rules[0].tier: no tier named 'huge' (tiers: [large])");
  }

  @Test
  void aConversationTtlOfZero() throws IOException {
    assertFails(
        """
        routing:
          conversations: {ttl: 0s}
        """,
        "routing.conversations.ttl: expected a positive duration, found \"0s\"");
  }

  @Test
  void aLabelWithTwoActions() throws IOException {
    assertFails(
        """
        specialists:
          - {name: intent, model: MODEL}
        routing:
          labels:
            track_order:
              answer: "hi"
              handoff: "person"
        """,
        "routing.labels.track_order: expected exactly one of answer, escalate, handoff or"
            + " answer_from_kb, found [answer, handoff]");
  }

  @Test
  void duplicateTierNames() throws IOException {
    assertFails(
        """
        upstreams:
          tiers:
            - {name: small, base_url: "http://127.0.0.1:8089/v1", model: gpt-4o-mini}
            - {name: small, base_url: "http://127.0.0.1:8090/v1", model: gpt-4o}
        """,
        "upstreams.tiers[1].name: duplicate tier name 'small'");
  }

  @Test
  void duplicateKeyNames() throws IOException {
    assertFails(
        """
        keys:
          - {name: web, key: sk-1}
          - {name: web, key: sk-2}
        """,
        "keys[1].name: duplicate key name 'web'");
  }

  @Test
  void duplicateSpecialistNames() throws IOException {
    assertFails(
        """
        specialists:
          - {name: intent, model: MODEL}
          - {name: intent, model: MODEL}
        """,
        "specialists[1].name: duplicate specialist name 'intent'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          30 seconds | expected a duration such as 500ms, 30s, 2m or 1h, found "30 seconds"
          -5s        | expected a duration such as 500ms, 30s, 2m or 1h, found "-5s"
          30         | expected a duration such as 500ms, 30s, 2m or 1h, found 30
          0s         | expected a positive duration, found "0s"
          """)
  void aBadTierTimeout(String value, String problem) throws IOException {
    assertFails(
        """
        upstreams:
          tiers:
            - name: small
              base_url: http://127.0.0.1:8089/v1
              model: gpt-4o-mini
              timeout: %s
        """
            .formatted(value),
        "upstreams.tiers[0].timeout: " + problem);
  }

  @Test
  void aBadRequestDeadline() throws IOException {
    assertFails(
        "server:\n  request_deadline: soon\n",
        "server.request_deadline: expected a duration such as 500ms, 30s, 2m or 1h, found"
            + " \"soon\"");
  }

  @Test
  void anUnsetKeyEnvironmentVariable() throws IOException {
    assertFails(
        "keys:\n  - name: web\n    key_env: SCALPEL_WEB_KEY\n",
        "keys[0].key_env: environment variable SCALPEL_WEB_KEY is not set");
  }

  @Test
  void aBlankKeyEnvironmentVariableIsUnset() throws IOException {
    Path file = write("keys:\n  - name: web\n    key_env: SCALPEL_WEB_KEY\n");

    assertThatThrownBy(() -> ConfigLoader.withEnvironment(name -> "  ").load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": keys[0].key_env: environment variable SCALPEL_WEB_KEY is not set");
  }

  @Test
  void aKeyWithBothASecretAndAVariable() throws IOException {
    assertFails(
        "keys:\n  - name: web\n    key: sk-1\n    key_env: WEB_KEY\n",
        "keys[0]: expected exactly one of key or key_env");
  }

  @Test
  void anUnsetTierKeyEnvironmentVariable() throws IOException {
    assertFails(
        """
        upstreams:
          tiers:
            - name: large
              base_url: https://api.example.com/v1
              model: gpt-4o
              api_key_env: OPENAI_API_KEY
        """,
        "upstreams.tiers[0].api_key_env: environment variable OPENAI_API_KEY is not set (it holds"
            + " the API key of tier 'large'; set it, or remove api_key_env for an upstream that"
            + " needs no key)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          port: 70000                | server.port: expected a number from 0 to 65535, found 70000
          port: eighty               | server.port: expected a whole number, found "eighty"
          port: 80.5                 | server.port: expected a whole number, found 80.5
          max_body_bytes: 10         | server.max_body_bytes: expected a number from 1024 to 67108864, found 10
          max_messages: 0            | server.max_messages: expected a number from 1 to 10000, found 0
          host: [a, b]               | server.host: expected a string, found array
          """)
  void aBadServerValue(String line, String message) throws IOException {
    assertFails("server:\n  " + line + "\n", message);
  }

  @Test
  void aTargetPrecisionOutOfRange() throws IOException {
    assertFails(
        "specialists:\n  - name: intent\n    model: MODEL\n    target_precision: 1.5\n",
        "specialists[0].target_precision: expected a number from 0.5 to 1.0, found 1.5");
  }

  @Test
  void aTierWithoutAModel() throws IOException {
    assertFails(
        "upstreams:\n  tiers:\n    - {name: small, base_url: \"http://127.0.0.1:8089/v1\"}\n",
        "upstreams.tiers[0].model: required (expected a non-empty string)");
  }

  @Test
  void aListWhereAMappingBelongs() throws IOException {
    assertFails("storage: [a]\n", "storage: expected a mapping, found array");
  }

  @Test
  void invalidYaml() throws IOException {
    Path file = write("server:\n  port: [8080\n");

    assertThatThrownBy(() -> ConfigLoader.create().load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": line ")
        .hasMessageContaining(": invalid YAML: ");
  }

  @Test
  void aMissingFile() {
    Path file = dir.resolve("nothing.yaml");

    assertThatThrownBy(() -> ConfigLoader.create().load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": file not found");
  }

  @Test
  void theErrorsListTheValidNamesOfAllTiers() throws IOException {
    Path file =
        write(
            """
            upstreams:
              fallback: [medium]
              tiers:
                - {name: small, base_url: "http://127.0.0.1:1/v1", model: a}
                - {name: large, base_url: "http://127.0.0.1:2/v1", model: b}
            """);

    assertThatThrownBy(() -> ConfigLoader.create().load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": upstreams.fallback[0]: no tier named 'medium' (tiers: [")
        .hasMessageContainingAll("small", "large");
  }
}
