package dev.scalpel.cli;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.core.io.Json;
import dev.scalpel.embed.CachedEncoder;
import dev.scalpel.embed.EmbeddingCache;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.flywheel.TemporaryDirectory;
import dev.scalpel.flywheel.gate.GatePolicy;
import dev.scalpel.flywheel.simulate.Simulation;
import dev.scalpel.flywheel.simulate.SimulationOptions;
import dev.scalpel.flywheel.simulate.SimulationReport;
import dev.scalpel.learn.TrainOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalpel simulate}: the learning loop end to end on a labeled dataset. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run the learning loop end to end on labeled data: start from a model that knows a fraction"
          + " of the intents (the rest of --train is incoming traffic); each round the champion"
          + " routes the next traffic slice, a simulated teacher labels what it escalated (wrong"
          + " with probability --teacher-noise), and a challenger is retrained, gated on --val and"
          + " promoted through a registry in a temporary directory.",
      "--test is only used to measure each round's champion. Writes the curve as JSON (--json)."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--train", required = true, description = "Training data (also the traffic).")
  Path train;

  @Option(
      names = "--val",
      required = true,
      description = "Validation data: thresholds and the gate.")
  Path val;

  @Option(names = "--test", required = true, description = "Test data, never trained or gated on.")
  Path test;

  @Option(names = "--json", required = true, description = "Write the rounds as JSON here.")
  Path json;

  @Option(
      names = "--known-fraction",
      defaultValue = "0.5",
      description = "Share of the intents the starting model knows (default: ${DEFAULT-VALUE}).")
  double knownFraction;

  @Option(
      names = "--rounds",
      defaultValue = "5",
      description = "Rounds of traffic, labeling and retraining (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--per-round",
      defaultValue = "500",
      description = "Traffic examples routed per round (default: ${DEFAULT-VALUE}).")
  int perRound;

  @Option(
      names = "--teacher-noise",
      defaultValue = "0.05",
      description = "Probability that the teacher's label is wrong (default: ${DEFAULT-VALUE}).")
  double teacherNoise;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--target-precision",
      defaultValue = "0.99",
      description = "Precision target of every model (default: ${DEFAULT-VALUE}).")
  double targetPrecision;

  @Option(
      names = "--tolerance",
      defaultValue = "0.005",
      description =
          "Answered accuracy a challenger may lose at the gate (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(
      names = "--balance-classes",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Weight examples by the inverse frequency of their label: new intents arrive with few"
              + " labels next to known ones with many (default: ${DEFAULT-VALUE}).")
  boolean balanceClasses;

  @Option(
      names = "--work",
      description =
          "Keep the simulated registry and datasets in this new directory (default: a temporary"
              + " one, removed afterwards).")
  Path work;

  @Mixin DataOptions dataOptions;
  @Mixin EncoderOptions encoderOptions;
  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Dataset trainData = dataOptions.read(train, err);
    Dataset valData = dataOptions.read(val, err);
    Dataset testData = dataOptions.read(test, err);
    SimulationOptions options =
        new SimulationOptions(
            knownFraction,
            rounds,
            perRound,
            teacherNoise,
            seed,
            balanced(TrainOptions.defaults(seed).withTargetPrecision(targetPrecision)),
            new GatePolicy(tolerance, GatePolicy.DEFAULT_COVERAGE_TOLERANCE));
    SimulationReport report;
    try (TemporaryDirectory temporary = TemporaryDirectory.create("scalpel-simulate")) {
      Path registry = work != null ? work : temporary.path().resolve("run");
      TerminalProgress progress = TerminalProgress.forStderr(err);
      if (encoderOptions.disabled()) {
        report =
            Simulation.withoutEmbeddings(options)
                .run(trainData, valData, testData, registry, progress);
      } else {
        SentenceEncoder raw = Encoders.open(encoderOptions.spec());
        try (CachedEncoder encoder =
            CachedEncoder.create(
                raw, EmbeddingCache.open(dataDir.embeddingCache(), raw.identity()))) {
          report =
              Simulation.create(options, encoder)
                  .run(trainData, valData, testData, registry, progress);
        }
      }
    }
    AtomicFiles.write(
        json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
    SimulationPrinter.print(out, report);
    out.println("wrote " + json);
    out.flush();
    return 0;
  }

  private TrainOptions balanced(TrainOptions options) {
    return options.withTrainer(options.trainer().withBalanceClasses(balanceClasses));
  }
}
