package dev.scalpel.bench.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a gateway benchmark run as Markdown: our numbers next to the targets of issue 4 and the
 * comparison figures it quotes (not re-measured here).
 */
final class GatewayReport {
  private GatewayReport() {}

  static String render(GatewayResults r) {
    StringBuilder md = new StringBuilder();
    md.append("# Gateway overhead: pass-through, streaming, local answers\n\n");
    Map<String, Object> h = r.header();
    md.append("- command: `").append(h.get("command")).append("`\n");
    md.append("- date: ").append(h.get("date")).append('\n');
    md.append("- machine: ").append(h.get("machine")).append('\n');
    md.append("- setup: ").append(h.get("setup")).append('\n');
    md.append("- method: ").append(h.get("method")).append("\n\n");

    md.append("## Pass-through and streaming (added latency = Scalpel minus direct)\n\n");
    md.append(
        "| measure | stub direct | through Scalpel | added | target | met | for scale (quoted by"
            + " issue 4) |\n|---|---|---|---|---|---|---|\n");
    latencyRow(
        md,
        "1 connection, p50",
        r.pass1(),
        0.50,
        GatewayResults.ADDED_P50_1,
        "Node gateway +1.1 ms; LiteLLM publishes a 12 ms median");
    latencyRow(
        md, "1 connection, p99", r.pass1(), 0.99, GatewayResults.ADDED_P99_1, "Node gateway +9 ms");
    latencyRow(
        md,
        "16 connections, p50",
        r.pass16(),
        0.50,
        GatewayResults.ADDED_P50_16,
        "Node gateway +14 ms");
    latencyRow(
        md,
        "16 connections, p99",
        r.pass16(),
        0.99,
        GatewayResults.ADDED_P99_16,
        "Node gateway +34 ms");
    latencyRow(
        md,
        "stream, time to first chunk, 1 connection, p50",
        r.stream1(),
        0.50,
        GatewayResults.ADDED_FIRST_CHUNK,
        "Node gateway +28 ms per stream");
    latencyRow(
        md, "stream, time to first chunk, 1 connection, p99", r.stream1(), 0.99, Double.NaN, "");
    latencyRow(
        md, "stream, time to first chunk, 16 connections, p50", r.stream16(), 0.50, Double.NaN, "");
    latencyRow(
        md, "stream, time to first chunk, 16 connections, p99", r.stream16(), 0.99, Double.NaN, "");
    md.append(
        String.format(
            Locale.ROOT,
            "| pass-through throughput, 16 connections | %,.0f req/s | %,.0f req/s | | >= 3,000 req/s"
                + " | %s | Node gateway ~1,000 req/s |%n%n",
            r.pass16().direct().perSecond(),
            r.pass16().gateway().perSecond(),
            met(r.pass16().gateway().perSecond() >= GatewayResults.PASSTHROUGH_PER_S)));
    md.append(
        String.format(
            Locale.ROOT,
            "With 16 connections the closed loops keep 16 requests in flight, so the mean latency is"
                + " 16 divided by the throughput (Little's law: %.2f ms direct, %.2f ms through"
                + " Scalpel): at that load the 2 cores are busy and the added latency measures"
                + " throughput as much as per-request overhead.%n%n",
            16_000 / r.pass16().direct().perSecond(),
            16_000 / r.pass16().gateway().perSecond()));
    md.append(
        String.format(
            Locale.ROOT,
            "Gateway CPU per pass-through request (from /proc, median round): %.3f ms with 1"
                + " connection, %.3f ms with 16; per streamed request (16 connections): %.3f ms. Idle,"
                + " after the warm-up, the gateway used %.1f%% of one core.%n%n",
            r.pass1().gatewayCpuMsPerRequest(),
            r.pass16().gatewayCpuMsPerRequest(),
            r.stream16().gatewayCpuMsPerRequest(),
            100 * r.idleCpuShare()));

    md.append("## Locally answered requests (model `scalpel`, template answers)\n\n");
    md.append(
        """
        | measure | requests/s | p50 | p99 | share of engine throughput | target | met |
        |---|---|---|---|---|---|---|
        """);
    md.append(
        String.format(
            Locale.ROOT,
            "| engine alone, `classify` on 2 threads, same process, no HTTP | %,.0f | %.2f ms |"
                + " %.2f ms | 100%% (shares: median over rounds of the ratio within a round) | | |%n",
            r.engine().perSecond(),
            r.engine().percentileMs(0.50),
            r.engine().percentileMs(0.99)));
    localRow(md, "through Scalpel, 2 connections", r, r.local2());
    localRow(md, "through Scalpel, 16 connections", r, r.local16());
    md.append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "16 connections are more than the engine can serve at once: a request waits for the"
                + " ones ahead of it (Little's law: 16 / %.0f req/s = %.0f ms mean), so that p99"
                + " measures the queue; 2 connections match the 2 cores.%n%n",
            r.local16().perSecond(),
            16_000 / r.local16().perSecond()));
    md.append("Texts (each answered from a template by the engine in this run): ");
    md.append(String.join(" / ", r.localTexts().stream().map(t -> "\"" + t + "\"").toList()));
    md.append("\n\n");

    md.append(
        "## Memory and accounting\n\n| measure | value | target | met |\n|---|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| gateway RSS after the load (VmRSS; child JVM %s, one specialist) | %.0f MiB = %.0f MB"
                + " (idle after start %.0f MiB, peak %.0f MiB) | < 600 MB | %s |%n",
            String.join(" ", ChildGateway.JVM_OPTIONS),
            r.loaded().rssMib(),
            r.loaded().rssMegabytes(),
            r.idle().rssMib(),
            r.loaded().peakMib(),
            met(r.loaded().rssMegabytes() < GatewayResults.RSS_MB)));
    Accounting a = r.accounting();
    md.append(
        String.format(
            Locale.ROOT,
            "| request-log rows vs gateway responses (warm-ups included) | %,d rows, %,d responses;"
                + " by route: rows %s, responses %s | equal | %s |%n%n",
            a.rows(),
            a.responses(),
            new java.util.TreeMap<>(a.rowsByRoute()),
            new java.util.TreeMap<>(a.responsesByRoute()),
            met(a.matches())));
    md.append(problems(r));
    md.append("\n## Targets missed\n\n");
    List<String> missed =
        r.verdicts().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    md.append(missed.isEmpty() ? "None.\n" : "- `" + String.join("`\n- `", missed) + "`\n");
    md.append(
        "\nRead with care: the load generator, the stub and the gateway share the same cores, so"
            + " the gateway's figures include the CPU it takes away from the client and the stub;"
            + " calling the stub directly leaves one process fewer competing. The Node gateway and"
            + " LiteLLM figures are the ones issue 4 quotes, not measured here.\n");
    return md.toString();
  }

  private static void latencyRow(
      StringBuilder md, String name, Paired p, double q, double target, String scale) {
    double added = p.addedMs(q);
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %.2f ms | %.2f ms | %+.2f ms | %s | %s | %s |%n",
            name,
            p.direct().percentileMs(q),
            p.gateway().percentileMs(q),
            added,
            Double.isNaN(target) ? "" : String.format(Locale.ROOT, "<= %s ms", plain(target)),
            Double.isNaN(target) ? "" : met(added <= target),
            scale));
  }

  private static void localRow(StringBuilder md, String name, GatewayResults r, Series s) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %,.0f | %.2f ms | %.2f ms | %.0f%% | >= 80%%, p99 < 25 ms | %s |%n",
            name,
            s.perSecond(),
            s.percentileMs(0.50),
            s.percentileMs(0.99),
            100 * r.localShare(s),
            met(
                r.localShare(s) >= GatewayResults.LOCAL_SHARE_OF_ENGINE
                    && s.percentileMs(0.99) < GatewayResults.LOCAL_P99_MS)));
  }

  private static String problems(GatewayResults r) {
    long failures = 0;
    long unexpected = 0;
    for (Paired p : new Paired[] {r.pass1(), r.pass16(), r.stream1(), r.stream16()}) {
      failures += p.direct().failures() + p.gateway().failures();
      unexpected += p.direct().unexpected() + p.gateway().unexpected();
    }
    failures += r.local2().failures() + r.local16().failures();
    unexpected += r.local2().unexpected() + r.local16().unexpected();
    return String.format(
        Locale.ROOT,
        "Requests without an answer: %d; answers that were not a complete 200 on the expected route:"
            + " %d (warm-ups included; details per round in gateway-overhead.json).%n",
        failures,
        unexpected);
  }

  private static String met(boolean ok) {
    return ok ? "yes" : "**no**";
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
