package dev.scalpel.cli;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.core.io.Json;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.eval.EvalReport;
import dev.scalpel.learn.eval.Evaluator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalpel eval}: measures a specialist on labeled data. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate a specialist on labeled data; prints the metrics and optionally writes them as JSON.")
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, description = "Labeled evaluation data.")
  Path data;

  @Option(names = "--json", description = "Write the report as JSON to this file.")
  Path json;

  @Option(
      names = "--perturb",
      description = "Add a robustness section: typos, casing, punctuation loss, dropped words.")
  boolean perturb;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed for sampling and perturbations.")
  long seed;

  @Mixin ModelOptions modelOptions;
  @Mixin DataOptions dataOptions;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Specialist specialist = modelOptions.load();
    Dataset dataset = dataOptions.read(data, err);
    EvalReport report =
        Evaluator.evaluate(
            specialist,
            modelOptions.model.toString(),
            dataset,
            perturb,
            seed,
            TerminalProgress.forStderr(err));
    out.println("evaluation of " + modelOptions.model + " on " + data + ":");
    MetricsPrinter.metrics(out, report.metrics());
    MetricsPrinter.robustness(out, report.robustness());
    if (json != null) {
      AtomicFiles.write(
          json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
      out.println("wrote " + json);
    }
    out.flush();
    return 0;
  }
}
