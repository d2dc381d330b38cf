package dev.scalpel.cli;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.flywheel.dataset.DatasetStore;
import dev.scalpel.flywheel.dataset.DatasetVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalpel datasets add}: appends labeled examples as a new dataset version. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description =
        "Append labeled examples as a new dataset version (the newest one plus these); 'scalpel"
            + " retrain' trains on the newest version.")
final class DatasetsAddCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      description = "Labeled examples: CSV/TSV, JSONL or a seq.in+label folder.")
  Path data;

  @Option(
      names = "--source",
      description = "Who or what labeled them, kept as their provenance (default: the file name).")
  String source;

  @Mixin RegistryOptions registryOptions;
  @Mixin DataOptions dataOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Dataset examples = dataOptions.read(data, spec.commandLine().getErr());
    DatasetStore datasets = registryOptions.datasets();
    DatasetVersion version = datasets.add(examples, source == null ? data.toString() : source);
    out.printf(
        "%s@%s: %d examples added, %d in all (parent %s, sha256 %s)%n",
        datasets.name(),
        version.version(),
        version.added(),
        version.total(),
        version.parent() == null ? "none" : version.parent(),
        version.sha256());
    out.flush();
    return 0;
  }
}
