package dev.scalpel.cli;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.embed.CachedEncoder;
import dev.scalpel.embed.EmbeddingCache;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.learn.ModelInfo;
import dev.scalpel.learn.SpecialistFiles;
import dev.scalpel.learn.SpecialistTrainer;
import dev.scalpel.learn.TrainOptions;
import dev.scalpel.learn.TrainingResult;
import dev.scalpel.learn.head.TrainerParams;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalpel train}: trains a specialist and writes its model file. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a specialist on labeled examples and write one model file.",
      "Thresholds are chosen on --val, or by cross-validation when it is absent."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      description = "Training data: CSV/TSV, JSONL or a seq.in+label folder.")
  Path data;

  @Option(names = "--val", description = "Held-out data for calibration and thresholds.")
  Path val;

  @Option(names = "--out", required = true, description = "Model file to write.")
  Path out;

  @Option(
      names = "--target-precision",
      defaultValue = "0.99",
      description =
          "Precision on answered requests the abstain threshold aims for (default: ${DEFAULT-VALUE}).")
  double targetPrecision;

  @Option(
      names = "--max-accuracy-drop",
      defaultValue = "0.01",
      description =
          "In-scope accuracy the out-of-scope threshold may cost (default: ${DEFAULT-VALUE}).")
  double maxAccuracyDrop;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--epochs",
      defaultValue = "15",
      description = "Passes over the data (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--folds",
      defaultValue = "5",
      description = "Cross-validation folds without --val (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--balance-classes",
      description =
          "Weight each example by the inverse frequency of its label, so that labels with few"
              + " examples (new intents) are learned as firmly as frequent ones.")
  boolean balanceClasses;

  @Mixin DataOptions dataOptions;
  @Mixin EncoderOptions encoderOptions;
  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Dataset train = dataOptions.read(data, err);
    Dataset validation = val == null ? null : dataOptions.read(val, err);
    TrainerParams defaults = TrainerParams.defaults(seed);
    TrainOptions options =
        new TrainOptions(
            TrainOptions.defaults(seed).features(),
            new TrainerParams(epochs, defaults.learningRate(), defaults.l2(), seed, balanceClasses),
            targetPrecision,
            maxAccuracyDrop,
            folds);
    stdout.printf(
        "training on %s: %d examples, %d labels%s%n",
        data,
        train.size(),
        train.intentLabels().size(),
        train.oosCount() > 0 ? " + " + train.oosCount() + " out-of-scope examples" : "");
    TrainerRun run = new TrainerRun(options, encoderOptions, dataDir);
    TrainingResult result = run.train(train, validation, TerminalProgress.forStderr(err));
    result.warnings().forEach(w -> err.println("warning: " + w));
    SpecialistFiles.save(result.specialist(), out);
    ModelInfo info = result.specialist().info();
    stdout.println("wrote " + out);
    stdout.println("thresholds (chosen on " + info.provenance().heldOut() + "):");
    MetricsPrinter.thresholds(stdout, info.thresholds());
    MetricsPrinter.curve(stdout, info.thresholds().curve());
    stdout.println("held-out metrics:");
    MetricsPrinter.metrics(stdout, info.validation());
    stdout.flush();
    return 0;
  }

  /** Opens the encoder with its cache, trains, and closes (flushing the cache). */
  record TrainerRun(TrainOptions options, EncoderOptions encoderOptions, DataDirOption dataDir) {
    TrainingResult train(Dataset train, Dataset validation, TerminalProgress progress) {
      if (encoderOptions.disabled()) {
        SpecialistTrainer trainer = SpecialistTrainer.withoutEmbeddings(options);
        return validation == null
            ? trainer.train(train, progress)
            : trainer.train(train, validation, progress);
      }
      SentenceEncoder raw = Encoders.open(encoderOptions.spec());
      try (CachedEncoder encoder =
          CachedEncoder.create(
              raw, EmbeddingCache.open(dataDir.embeddingCache(), raw.identity()))) {
        SpecialistTrainer trainer = SpecialistTrainer.create(options, encoder);
        return validation == null
            ? trainer.train(train, progress)
            : trainer.train(train, validation, progress);
      }
    }
  }
}
