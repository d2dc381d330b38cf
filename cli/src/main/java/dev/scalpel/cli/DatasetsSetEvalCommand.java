package dev.scalpel.cli;

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

/** {@code scalpel datasets set-eval}: sets the frozen evaluation set, once. */
@Command(
    name = "set-eval",
    mixinStandardHelpOptions = true,
    description =
        "Set the frozen evaluation set: never trained on, it chooses every challenger's thresholds"
            + " and gates it. It can be set once (setting the same content again is a no-op).")
final class DatasetsSetEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, description = "Labeled held-out examples.")
  Path data;

  @Mixin RegistryOptions registryOptions;
  @Mixin DataOptions dataOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DatasetStore datasets = registryOptions.datasets();
    DatasetVersion eval =
        datasets.freezeEval(dataOptions.read(data, spec.commandLine().getErr()), data.toString());
    out.printf(
        "%s@%s: %d examples from %s (sha256 %s)%n",
        datasets.name(), eval.version(), eval.total(), eval.source(), eval.sha256());
    out.flush();
    return 0;
  }
}
