package dev.scalpel.cli;

import dev.scalpel.core.io.Json;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestLogException;
import dev.scalpel.gateway.accounting.UsageGrouping;
import dev.scalpel.gateway.accounting.UsageQuery;
import dev.scalpel.gateway.accounting.UsageRow;
import dev.scalpel.gateway.accounting.UsageSince;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scalpel usage}: totals from the gateway's request log (requests, share answered locally,
 * cost, cost had everything gone to the default generalist, savings), overall or per API key,
 * route, label or day.
 */
@Command(
    name = "usage",
    mixinStandardHelpOptions = true,
    description = {
      "Print request totals from the gateway's request log: requests, share answered locally, cost,"
          + " counterfactual cost (everything sent to the default generalist) and savings.",
      "With --json, a list of objects with group, requests, local_share, cost_usd,"
          + " counterfactual_cost_usd and savings_usd."
    })
final class UsageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOption dataDir;

  @Option(
      names = "--since",
      paramLabel = "DATE|DURATION",
      description =
          "Only requests from then on: an ISO date (2026-11-01, UTC), an ISO instant"
              + " (2026-11-01T09:30:00Z) or a look-back such as 7d, 24h or 30m (default: all).")
  String since;

  @Option(
      names = "--by",
      paramLabel = "key|route|label|day",
      converter = GroupingConverter.class,
      description = "One row per API key, route, label or UTC day (default: one total row).")
  UsageGrouping by = UsageGrouping.TOTAL;

  @Option(names = "--json", description = "Print a JSON list instead of a table.")
  boolean json;

  /** The clock look-backs such as {@code 7d} count from; tests replace it. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    Instant from = since == null ? Instant.EPOCH : parseSince(since);
    Path file = RequestLog.databaseFile(dataDir.dataDir());
    if (!Files.exists(file)) {
      throw new CliException(
          "no request log at "
              + file
              + " (the gateway writes it in its data directory; pass that with --data-dir)");
    }
    List<UsageRow> rows;
    UsageRow total;
    try (RequestLog log = RequestLog.open(dataDir.dataDir())) {
      rows = log.usage(new UsageQuery(from, by));
      total = log.usage(new UsageQuery(from, UsageGrouping.TOTAL)).get(0);
    } catch (RequestLogException e) {
      throw new CliException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    } else {
      printTable(out, file, from, rows, total);
    }
    out.flush();
    return 0;
  }

  private Instant parseSince(String text) {
    try {
      return UsageSince.parse(text, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--since': " + e.getMessage());
    }
  }

  private void printTable(
      PrintWriter out, Path file, Instant from, List<UsageRow> rows, UsageRow total) {
    out.printf(
        Locale.ROOT,
        "requests in %s%s%s:%n",
        file,
        from.equals(Instant.EPOCH) ? "" : " since " + from,
        by == UsageGrouping.TOTAL ? "" : " by " + by.wireName());
    int width = "group".length();
    for (UsageRow row : rows) {
      width = Math.max(width, row.group().length());
    }
    String format = "%-" + width + "s %10s %8s %14s %20s %14s%n";
    out.printf(
        Locale.ROOT,
        format,
        "group",
        "requests",
        "local",
        "cost_usd",
        "counterfactual_usd",
        "savings_usd");
    if (by != UsageGrouping.TOTAL) {
      rows.forEach(row -> printRow(out, format, row));
    }
    printRow(out, format, total);
  }

  private static void printRow(PrintWriter out, String format, UsageRow row) {
    out.printf(
        Locale.ROOT,
        format,
        row.group(),
        row.requests(),
        MetricsPrinter.pct(row.localShare()),
        money(row.costUsd()),
        money(row.counterfactualCostUsd()),
        money(row.savingsUsd()));
  }

  private static String money(double usd) {
    return String.format(Locale.ROOT, "%.6f", usd);
  }

  /** Reads {@code --by} values; an unknown one is a usage error naming the valid ones. */
  static final class GroupingConverter implements CommandLine.ITypeConverter<UsageGrouping> {
    @Override
    public UsageGrouping convert(String value) {
      try {
        return UsageGrouping.fromWire(value.toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
