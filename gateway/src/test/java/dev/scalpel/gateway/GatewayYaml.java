package dev.scalpel.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@code scalpel.yaml} for an end-to-end test: the example support specialist (unless left
 * out), the routing of the quickstart in small, one API key, tiers pointing at stub LLMs on
 * loopback, a data directory next to the file and a free port.
 */
final class GatewayYaml {
  /** The trained example specialist; Maven runs the tests in the module directory. */
  static final Path MODEL =
      Path.of("..", "examples", "quickstart", "support.scalpel").toAbsolutePath().normalize();

  static final String KEY = "sk-e2e-test-key";
  static final String KEY_NAME = "e2e";
  static final String HANDOFF_REPLY = "A member of the Northwind team will reply within one day.";
  static final String TRACK_ORDER_ANSWER =
      "Follow your order at northwind.example/orders with the number from your e-mail.";
  static final String STORE_HOURS_TEMPLATE = "You asked \"{{text}}\" ({{label}}): we open at 9:00.";
  static final String BATTERY_PROMPT = "You are Northwind Cycles' support assistant for batteries.";
  static final String CHARGING_PROMPT = "Help with e-bike charging problems step by step.";

  private boolean specialist = true;
  private final List<String> serverLines = new ArrayList<>();
  private final List<String> tiers = new ArrayList<>();
  private final List<String> tierNames = new ArrayList<>();
  private final List<String> fallback = new ArrayList<>();
  private String chargingTier = "";
  private final List<String> extraSpecialists = new ArrayList<>();
  private final List<String> routingLines = new ArrayList<>();
  private final List<String> sections = new ArrayList<>();
  private final List<String> labelLines = new ArrayList<>();
  private List<String> aliases = List.of("scalpel");

  private GatewayYaml() {}

  static GatewayYaml create() {
    return new GatewayYaml();
  }

  /** No specialist: every routed request escalates (or is handed off without tiers). */
  GatewayYaml withoutSpecialist() {
    specialist = false;
    return this;
  }

  /** Adds {@code key: value} to the {@code server} section. */
  GatewayYaml server(String key, String value) {
    serverLines.add("  " + key + ": " + value);
    return this;
  }

  GatewayYaml aliases(String... names) {
    aliases = List.of(names);
    return this;
  }

  /** A tier priced like a large hosted model ($2.50 / $10 per million tokens). */
  GatewayYaml tier(String name, URI baseUrl, String model, String timeout, int maxRetries) {
    return tier(name, baseUrl, model, timeout, maxRetries, 2.50, 10.00);
  }

  GatewayYaml tier(
      String name,
      URI baseUrl,
      String model,
      String timeout,
      int maxRetries,
      double inputPrice,
      double outputPrice) {
    tierNames.add(name);
    tiers.add(
        String.join(
            "\n",
            "    - name: " + name,
            "      base_url: " + baseUrl,
            "      model: " + model,
            "      input_usd_per_million: " + inputPrice,
            "      output_usd_per_million: " + outputPrice,
            "      timeout: " + timeout,
            "      max_retries: " + maxRetries));
    return this;
  }

  /** Adds {@code key: value} to the tier added last. */
  GatewayYaml tierOption(String key, String value) {
    int last = tiers.size() - 1;
    tiers.set(last, tiers.get(last) + "\n      " + key + ": " + value);
    return this;
  }

  /**
   * Adds the action of a label of the example specialist, as YAML ({@code answer_from_kb: {...}}).
   */
  GatewayYaml label(String name, String action) {
    labelLines.add("    " + name + ":");
    labelLines.add("      " + action);
    return this;
  }

  /** Adds a top-level section, written as given. */
  GatewayYaml section(String yaml) {
    sections.add(yaml);
    return this;
  }

  GatewayYaml fallback(String... names) {
    fallback.addAll(List.of(names));
    return this;
  }

  /** Sends the label {@code charging_problem} to this tier first. */
  GatewayYaml chargingTier(String name) {
    chargingTier = name;
    return this;
  }

  /** Loads the example model a second time under {@code name}, to compose specialists. */
  GatewayYaml extraSpecialist(String name) {
    extraSpecialists.add(name);
    return this;
  }

  /** Adds lines (indented as keys of the section) to the {@code routing} section. */
  GatewayYaml routing(String... lines) {
    for (String line : lines) {
      routingLines.add("  " + line);
    }
    return this;
  }

  String yaml(Path dataDir) {
    List<String> lines = new ArrayList<>();
    lines.add("server:");
    lines.add("  host: 127.0.0.1");
    lines.add("  port: 0");
    lines.addAll(serverLines);
    lines.add("storage:");
    lines.add("  data_dir: " + dataDir.toAbsolutePath());
    lines.add("keys:");
    lines.add("  - name: " + KEY_NAME);
    lines.add("    key: " + KEY);
    lines.add("aliases: [" + String.join(", ", aliases) + "]");
    if (specialist) {
      lines.add("specialists:");
      lines.add("  - name: intent");
      lines.add("    model: " + MODEL);
      for (String name : extraSpecialists) {
        lines.add("  - name: " + name);
        lines.add("    model: " + MODEL);
      }
      lines.add("routing:");
      lines.addAll(routingLines);
      lines.add("  specialist: intent");
      lines.add("  handoff_reply: \"" + HANDOFF_REPLY + "\"");
      lines.add("  labels:");
      lines.add("    track_order:");
      lines.add("      answer: \"" + TRACK_ORDER_ANSWER + "\"");
      lines.add("    store_hours:");
      lines.add("      answer: '" + STORE_HOURS_TEMPLATE + "'");
      lines.add("    battery_range:");
      lines.add("      escalate:");
      lines.add("        system_prompt: \"" + BATTERY_PROMPT + "\"");
      lines.add("    charging_problem:");
      lines.add("      escalate:");
      lines.add("        system_prompt: \"" + CHARGING_PROMPT + "\"");
      if (!chargingTier.isEmpty()) {
        lines.add("        tier: " + chargingTier);
      }
      lines.add("    speak_to_human:");
      lines.add("      handoff: \"customer asked for a person\"");
      lines.addAll(labelLines);
    } else {
      lines.add("routing:");
      lines.addAll(routingLines);
      lines.add("  handoff_reply: \"" + HANDOFF_REPLY + "\"");
    }
    if (!tiers.isEmpty()) {
      lines.add("upstreams:");
      lines.add("  default: " + tierNames.getFirst());
      if (!fallback.isEmpty()) {
        lines.add("  fallback: [" + String.join(", ", fallback) + "]");
      }
      lines.add("  tiers:");
      lines.addAll(tiers);
    }
    lines.addAll(sections);
    return String.join("\n", lines) + "\n";
  }

  /** Writes {@code dir/scalpel.yaml}, with the data directory {@code dir/data}. */
  Path write(Path dir) {
    Path file = dir.resolve("scalpel.yaml");
    try {
      Files.createDirectories(dir);
      Files.writeString(file, yaml(dir.resolve("data")), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
