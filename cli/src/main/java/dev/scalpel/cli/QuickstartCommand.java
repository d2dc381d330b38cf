package dev.scalpel.cli;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.learn.Prediction;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.SpecialistFiles;
import dev.scalpel.learn.TrainOptions;
import dev.scalpel.learn.TrainingResult;
import dev.scalpel.learn.eval.EvalReport;
import dev.scalpel.learn.eval.Evaluator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalpel quickstart}: trains the example customer-support specialist shipped in {@code
 * examples/support}, evaluates it on its held-out test set and shows a few predictions.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = "Train and evaluate the example support specialist from examples/support.")
final class QuickstartCommand implements Callable<Integer> {
  private static final List<String> SAMPLES =
      List.of(
          "my e-bike battery dies after 20 km, is that normal?",
          "I want to send the helmet back, it doesn't fit",
          "what's a good recipe for banana bread",
          "hmm");

  @Spec CommandSpec spec;

  @Option(
      names = "--examples",
      description =
          "Folder with train.csv, val.csv and test.csv (default: examples/support of this checkout).")
  Path examples;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin DataDirOption dataDir;
  @Mixin EncoderOptions encoderOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path folder = examples != null ? examples : defaultExamples();
    DataOptions dataOptions = new DataOptions();
    dataOptions.oosLabel = "oos";
    Dataset train = dataOptions.read(folder.resolve("train.csv"), err);
    Dataset val = dataOptions.read(folder.resolve("val.csv"), err);
    Dataset test = dataOptions.read(folder.resolve("test.csv"), err);
    out.printf(
        "1/3 training a specialist on %s (%d examples, %d intents + out-of-scope)%n",
        folder.resolve("train.csv"), train.size(), train.intentLabels().size());
    out.flush();
    TerminalProgress progress = TerminalProgress.forStderr(err);
    TrainingResult result =
        new TrainCommand.TrainerRun(TrainOptions.defaults(seed), encoderOptions, dataDir)
            .train(train, val, progress);
    result.warnings().forEach(w -> err.println("warning: " + w));
    Path model = dataDir.dataDir().resolve("models").resolve("quickstart.scalpel");
    SpecialistFiles.save(result.specialist(), model);
    out.println("   wrote " + model);
    MetricsPrinter.thresholds(out, result.specialist().info().thresholds());

    out.printf("2/3 evaluating on %s (never trained on)%n", folder.resolve("test.csv"));
    out.flush();
    Specialist specialist = SpecialistFiles.load(model, encoderOptions::openFor);
    EvalReport report =
        Evaluator.evaluate(specialist, model.toString(), test, false, seed, Progress.NONE);
    MetricsPrinter.metrics(out, report.metrics());

    out.println("3/3 a few predictions:");
    for (String text : SAMPLES) {
      Prediction p = specialist.classify(text);
      out.printf(
          Locale.ROOT,
          "   %-52s -> %-8s %-22s %.2f%n",
          '"' + text + '"',
          p.decision().wireName(),
          p.label(),
          p.confidence());
    }
    out.println();
    out.println("Next: ./scalpel predict --model " + model + " \"where is my order?\"");
    out.println(
        "      ./scalpel eval --model "
            + model
            + " --data "
            + folder.resolve("test.csv")
            + " --perturb");
    out.flush();
    return 0;
  }

  private static Path defaultExamples() {
    String home = System.getenv("SCALPEL_HOME");
    Path base = home == null ? Path.of("") : Path.of(home);
    Path folder = base.resolve("examples").resolve("support");
    if (!Files.isDirectory(folder)) {
      throw new CliException(
          "cannot find the example data at "
              + folder.toAbsolutePath()
              + "; pass --examples FOLDER");
    }
    return folder;
  }
}
