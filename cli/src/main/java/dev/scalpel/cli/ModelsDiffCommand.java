package dev.scalpel.cli;

import dev.scalpel.core.io.Json;
import dev.scalpel.flywheel.registry.ModelRegistry;
import dev.scalpel.flywheel.registry.VersionDiff;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalpel models diff}: what changed between two versions. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compare two versions: dataset, labels and examples per label, settings, held-out metrics.")
final class ModelsDiffCommand implements Callable<Integer> {
  private static final int MAX_LABEL_ROWS = 20;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FROM", description = "The older version, e.g. intent-2.")
  String from;

  @Parameters(index = "1", paramLabel = "TO", description = "The newer version, e.g. intent-3.")
  String to;

  @Option(names = "--json", description = "Print the difference as JSON.")
  boolean json;

  @Mixin RegistryOptions registryOptions;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ModelRegistry registry = registryOptions.registry();
    VersionDiff diff = VersionDiff.between(registry.version(from), registry.version(to));
    if (json) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(diff));
      out.flush();
      return 0;
    }
    out.println(diff.from() + " -> " + diff.to() + ":");
    out.printf(
        Locale.ROOT,
        "  dataset           %s -> %s (%d -> %d examples, %+d)%n",
        dash(diff.datasetFrom()),
        dash(diff.datasetTo()),
        diff.examplesFrom(),
        diff.examplesTo(),
        diff.examplesTo() - diff.examplesFrom());
    out.println("  labels added      " + list(diff.labelsAdded()));
    out.println("  labels removed    " + list(diff.labelsRemoved()));
    out.println("  settings changed  " + list(diff.settingsChanged()));
    out.println("  held-out metrics:");
    for (VersionDiff.MetricChange m : diff.metrics()) {
      out.printf(
          Locale.ROOT,
          "    %-27s %9s -> %-9s %s%n",
          m.metric(),
          RegistryPrinter.pct(m.from()),
          RegistryPrinter.pct(m.to()),
          m.from() == null || m.to() == null
              ? ""
              : String.format(Locale.ROOT, "(%+.2f points)", 100 * (m.to() - m.from())));
    }
    if (!diff.labelCountChanges().isEmpty()) {
      out.println("  examples per label (changed):");
      int shown = 0;
      for (Map.Entry<String, List<Integer>> change : diff.labelCountChanges().entrySet()) {
        if (shown++ == MAX_LABEL_ROWS) {
          out.printf(
              Locale.ROOT,
              "    ... and %d more (--json lists all)%n",
              diff.labelCountChanges().size() - MAX_LABEL_ROWS);
          break;
        }
        out.printf(
            Locale.ROOT,
            "    %-27s %5d -> %d%n",
            change.getKey(),
            change.getValue().get(0),
            change.getValue().get(1));
      }
    }
    out.flush();
    return 0;
  }

  private static String list(List<String> values) {
    return values.isEmpty() ? "none" : String.join(", ", values);
  }

  private static String dash(String value) {
    return value == null ? "-" : value;
  }
}
