package dev.scalpel.cli;

import dev.scalpel.flywheel.dataset.DatasetStore;
import dev.scalpel.flywheel.dataset.DatasetVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scalpel datasets list}: the versions, each verified against its hashes. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List the dataset versions and the frozen evaluation set, checking every file against its"
            + " hashes.")
final class DatasetsListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RegistryOptions registryOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DatasetStore datasets = registryOptions.datasets();
    List<DatasetVersion> all = new ArrayList<>(datasets.versions());
    datasets.frozenEval().ifPresent(all::add);
    // Reading the newest version checks every version's files and the hash chain.
    datasets.latest().ifPresent(latest -> datasets.read(latest.version()));
    datasets.frozenEval().ifPresent(eval -> datasets.readFrozenEval());
    out.println(datasets.name() + " (" + datasets.directory() + "):");
    out.printf(
        Locale.ROOT,
        "  %-7s %-7s %7s %7s  %-18s %-20s %s%n",
        "version",
        "parent",
        "added",
        "total",
        "sha256",
        "created",
        "source");
    for (DatasetVersion v : all) {
      out.printf(
          Locale.ROOT,
          "  %-7s %-7s %7d %7d  %-18s %-20s %s%n",
          v.version(),
          v.parent() == null ? "-" : v.parent(),
          v.added(),
          v.total(),
          v.sha256().substring(0, 16) + "..",
          v.createdAt().length() > 19 ? v.createdAt().substring(0, 19) : v.createdAt(),
          v.source());
    }
    out.println("(every file matches its manifest's SHA-256)");
    out.flush();
    return 0;
  }
}
