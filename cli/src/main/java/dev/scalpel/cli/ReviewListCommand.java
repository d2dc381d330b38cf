package dev.scalpel.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.gateway.review.ReviewItem;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scalpel review list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List review items nobody labeled or skipped yet, most frequent first (with --all, every"
            + " item). 'proposed' is the specialist's label; 'decision' the teacher's or person's.")
final class ReviewListCommand implements Callable<Integer> {
  private static final String ROW = "%-10s %5s %-8s %-18s %-22s %s%n";

  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Option(names = "--all", description = "Include labeled and skipped items.")
  boolean all;

  @Option(names = "--limit", description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit = 100;

  @Option(names = "--json", description = "Print a JSON list instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new ParameterException(
          spec.commandLine(), "--limit must be at least 1, found " + limit);
    }
    List<ReviewItem> items = ReviewCommand.open(dataDir).list(all, limit);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode list = Json.mapper().createArrayNode();
      items.forEach(i -> list.add(ReviewCommand.toJson(i)));
      out.println(list.toPrettyString());
    } else if (items.isEmpty()) {
      out.println(all ? "no review items" : "nothing to review");
    } else {
      out.printf(Locale.ROOT, ROW, "id", "count", "status", "proposed", "decision", "text");
      for (ReviewItem i : items) {
        out.printf(
            Locale.ROOT,
            ROW,
            i.id(),
            i.count(),
            i.status(),
            i.proposedLabel().isEmpty() ? "-" : i.proposedLabel(),
            i.label().isEmpty() ? "-" : i.label() + " (" + i.source() + ")",
            ReviewCommand.oneLine(i.text(), 60));
      }
    }
    out.flush();
    return 0;
  }
}
