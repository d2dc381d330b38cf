package dev.scalpel.cli;

import dev.scalpel.core.io.Json;
import dev.scalpel.learn.ModelInfo;
import dev.scalpel.learn.SpecialistFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalpel inspect}: prints a model file's provenance, thresholds and validation metrics. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Print a model's provenance, thresholds and validation metrics.")
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "Model file.")
  Path model;

  @Option(names = "--json", description = "Print the model's metadata as JSON instead.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ModelInfo info = SpecialistFiles.readInfo(model);
    if (json) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(info));
      out.flush();
      return 0;
    }
    out.println(model + ":");
    MetricsPrinter.provenance(out, info);
    out.println("thresholds:");
    MetricsPrinter.thresholds(out, info.thresholds());
    out.println("validation metrics (" + info.provenance().heldOut() + "):");
    MetricsPrinter.metrics(out, info.validation());
    out.flush();
    return 0;
  }
}
