package dev.scalpel.bench.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The gateway configuration the benchmark runs with: the quickstart's support specialist and
 * template answers, one tier pointing at the stub (model {@value #PASSTHROUGH_MODEL}, priced like
 * the quickstart's), the request log in the benchmark's scratch folder, a free port.
 */
final class BenchConfig {
  static final String PASSTHROUGH_MODEL = "gpt-4o";
  static final String ROUTE_MODEL = "scalpel";
  static final double TARGET_PRECISION = 0.99;

  /** Labels answered from a template; the other labels escalate or hand off. */
  static final Map<String, String> TEMPLATES =
      Map.of(
          "track_order",
          "You can follow your order at northwind.example/orders: enter the order number from your"
              + " confirmation e-mail (it starts with NW-).",
          "store_hours",
          "Our stores are open Monday to Friday 9:00-19:00 and Saturday 10:00-17:00.",
          "store_locations",
          "You can find every Northwind Cycles store at northwind.example/stores.",
          "reset_password",
          "To reset your password, choose 'Forgot password' on the sign-in page.",
          "update_payment_method",
          "You can change your card or bank details under Account > Payment methods.",
          "invoice_request",
          "Invoices for every order are under Account > Orders > Download invoice.");

  private BenchConfig() {}

  static Set<String> templateLabels() {
    return TEMPLATES.keySet();
  }

  /** Writes {@code scalpel.yaml} into {@code dir} and returns its path. */
  static Path write(Path dir, Path model, Path dataDir, URI stubBaseUrl) throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("server:\n  host: 127.0.0.1\n  port: 0\n  request_deadline: 30s\n");
    y.append("storage:\n  data_dir: ").append(quoted(dataDir.toAbsolutePath())).append('\n');
    y.append("keys:\n  - name: bench\n    key: ").append(ChatCalls.API_KEY).append('\n');
    y.append("aliases: [").append(ROUTE_MODEL).append("]\n");
    y.append("specialists:\n  - name: intent\n    model: ")
        .append(quoted(model.toAbsolutePath()))
        .append("\n    target_precision: ")
        .append(TARGET_PRECISION)
        .append('\n');
    y.append("routing:\n  specialist: intent\n  labels:\n");
    TEMPLATES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e ->
            y.append("    ")
                .append(e.getKey())
                .append(":\n      answer: ")
                .append(quoted(e.getValue()))
                .append('\n'));
    y.append("upstreams:\n  default: stub\n  tiers:\n");
    y.append("    - name: stub\n      base_url: ").append(quoted(stubBaseUrl)).append('\n');
    y.append("      model: ").append(PASSTHROUGH_MODEL).append('\n');
    y.append("      input_usd_per_million: 2.50\n      output_usd_per_million: 10.00\n");
    y.append("      timeout: 30s\n      max_retries: 2\n");
    Path file = dir.resolve("scalpel.yaml");
    Files.writeString(file, y.toString(), UTF_8);
    return file;
  }

  /** A YAML double-quoted scalar. */
  private static String quoted(Object value) {
    return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
