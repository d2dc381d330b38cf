package dev.scalpel.gateway.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ConfigLoader} on valid files: the quickstart configuration, a configuration using every
 * key, and the defaults load into exactly what they say. Mistakes are in {@link ConfigErrorsTest}.
 */
class ConfigLoaderTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path MODEL = ROOT.resolve("examples/quickstart/support.scalpel");

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("scalpel.yaml");
    Files.writeString(file, yaml.replace("MODEL", MODEL.toString()), UTF_8);
    return file;
  }

  @Test
  void theQuickstartConfigurationLoads() {
    Path file = ROOT.resolve("examples/quickstart/scalpel.yaml");

    GatewayConfig config = ConfigLoader.withEnvironment(name -> null).load(file);

    assertThat(config.source()).isEqualTo(file);
    assertThat(config.server())
        .isEqualTo(
            new ServerConfig("127.0.0.1", 8080, Duration.ofSeconds(60), 1 << 20, 256, 128_000));
    assertThat(config.dataDir()).isEqualTo(ROOT.resolve("scalpel-data"));
    assertThat(config.durableSync()).isFalse();
    assertThat(config.keys())
        .containsExactly(new GatewayConfig.ApiKey("quickstart", "sk-scalpel-quickstart"));
    assertThat(config.aliases()).containsExactly("scalpel");
    assertThat(config.specialists()).containsExactly(new SpecialistConfig("intent", MODEL, 0.99));
    assertThat(config.routing().specialist()).isEqualTo("intent");
    assertThat(config.routing().handoffReply())
        .startsWith("Thanks for your patience. A member of the Northwind Cycles team");
    assertThat(config.routing().labels())
        .hasSize(12)
        .containsEntry("speak_to_human", new LabelAction.Handoff("customer asked for a person"))
        .containsEntry(
            "store_hours",
            new LabelAction.Template(
                "Our stores are open Monday to Friday 9:00-19:00 and Saturday 10:00-17:00; the"
                    + " service workshop closes one hour earlier."));
    assertThat(config.routing().labels().get("battery_range"))
        .isEqualTo(
            new LabelAction.Escalate(
                "",
                "You are Northwind Cycles' support assistant. Answer questions about e-bike"
                    + " battery range briefly and practically."));
    assertThat(config.tiers())
        .containsExactly(
            new TierConfig(
                "stub",
                URI.create("http://127.0.0.1:8089/v1"),
                "gpt-4o",
                "",
                2.50,
                10.00,
                Duration.ofSeconds(30),
                2));
    assertThat(config.defaultTier()).isEqualTo("stub");
    assertThat(config.fallback()).containsExactly("stub");
    assertThat(config.defaultGeneralist()).contains(config.tiers().getFirst());
  }

  @Test
  void everyKeyIsRead() throws IOException {
    Path file =
        write(
            """
            server:
              host: 0.0.0.0
              port: 9090
              request_deadline: 1.5m
              max_body_bytes: 4096
              max_messages: 32
              max_prompt_tokens: 8000
            storage:
              data_dir: state/requests
              durable_sync: true
            keys:
              - name: web
                key: sk-web
              - name: batch
                key_env: BATCH_KEY
            aliases: [scalpel, support-bot]
            specialists:
              - name: intent
                model: MODEL
                target_precision: 0.95
              - name: mood
                model: MODEL
            routing:
              specialist: intent
              handoff_reply: "A person will reply."
              labels:
                track_order:
                  answer: "Order {{text}} ({{label}})"
                battery_range:
                  escalate:
                    tier: large
                    system_prompt: "Be practical."
                charging_problem:
                  escalate: {}
                speak_to_human:
                  handoff: "asked for a person"
            upstreams:
              default: large
              fallback: [small, large]
              tiers:
                - name: large
                  base_url: https://api.example.com/v1
                  model: gpt-4o
                  api_key_env: OPENAI_API_KEY
                  input_usd_per_million: 2.5
                  output_usd_per_million: 10
                  timeout: 500ms
                  max_retries: 0
                - name: small
                  base_url: http://127.0.0.1:8089/v1/
                  model: gpt-4o-mini
            """);

    GatewayConfig config =
        ConfigLoader.withEnvironment(Map.of("BATCH_KEY", "sk-batch", "OPENAI_API_KEY", "sk-o")::get)
            .load(file);

    assertThat(config.server())
        .isEqualTo(new ServerConfig("0.0.0.0", 9090, Duration.ofSeconds(90), 4096, 32, 8000));
    assertThat(config.dataDir()).isEqualTo(dir.resolve("state/requests"));
    assertThat(config.durableSync()).isTrue();
    assertThat(config.keys())
        .containsExactly(
            new GatewayConfig.ApiKey("web", "sk-web"),
            new GatewayConfig.ApiKey("batch", "sk-batch"));
    assertThat(config.aliases()).containsExactly("scalpel", "support-bot");
    assertThat(config.specialists())
        .containsExactly(
            new SpecialistConfig("intent", MODEL, 0.95), new SpecialistConfig("mood", MODEL, null));
    assertThat(config.specialists().get(1).precisionOverride()).isEmpty();
    assertThat(config.routing())
        .isEqualTo(
            new RoutingConfig(
                "intent",
                Map.of(
                    "track_order", new LabelAction.Template("Order {{text}} ({{label}})"),
                    "battery_range", new LabelAction.Escalate("large", "Be practical."),
                    "charging_problem", new LabelAction.Escalate("", ""),
                    "speak_to_human", new LabelAction.Handoff("asked for a person")),
                List.of(),
                ConversationConfig.defaults(),
                "A person will reply."));
    assertThat(config.tiers())
        .containsExactly(
            new TierConfig(
                "large",
                URI.create("https://api.example.com/v1"),
                "gpt-4o",
                "OPENAI_API_KEY",
                2.5,
                10,
                Duration.ofMillis(500),
                0),
            new TierConfig(
                "small",
                URI.create("http://127.0.0.1:8089/v1/"),
                "gpt-4o-mini",
                "",
                0,
                0,
                Duration.ofSeconds(60),
                2));
    assertThat(config.defaultTier()).isEqualTo("large");
    assertThat(config.fallback()).containsExactly("small", "large");
  }

  @Test
  void theDefaultsOfAnAlmostEmptyFile() throws IOException {
    Path file = write("specialists:\n  - name: intent\n    model: MODEL\n");

    GatewayConfig config = ConfigLoader.create().load(file);

    assertThat(config.server())
        .isEqualTo(
            new ServerConfig("127.0.0.1", 8080, Duration.ofSeconds(60), 1 << 20, 256, 128_000));
    assertThat(config.dataDir()).isEqualTo(dir.resolve("scalpel-data"));
    assertThat(config.keys()).isEmpty();
    assertThat(config.aliases()).containsExactly("scalpel");
    assertThat(config.routing().specialist()).isEqualTo("intent");
    assertThat(config.routing().handoffReply())
        .isEqualTo("Thank you. A member of our team will get back to you shortly.");
    assertThat(config.tiers()).isEmpty();
    assertThat(config.defaultTier()).isEmpty();
    assertThat(config.fallback()).isEmpty();
    assertThat(config.defaultGeneralist()).isEmpty();
  }

  @Test
  void withoutFallbackEveryTierIsInTheChainInOrder() throws IOException {
    Path file =
        write(
            """
            upstreams:
              tiers:
                - {name: b, base_url: "http://127.0.0.1:1/v1", model: m1}
                - {name: a, base_url: "http://127.0.0.1:2/v1", model: m2}
            """);

    GatewayConfig config = ConfigLoader.create().load(file);

    assertThat(config.defaultTier()).isEqualTo("b");
    assertThat(config.fallback()).containsExactly("b", "a");
  }
}
