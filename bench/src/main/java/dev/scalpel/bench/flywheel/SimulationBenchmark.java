package dev.scalpel.bench.flywheel;

import dev.scalpel.bench.Machine;
import dev.scalpel.bench.PublicDatasets;
import dev.scalpel.bench.WorkDirs;
import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.DatasetReader;
import dev.scalpel.core.data.ReadOptions;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.CachedEncoder;
import dev.scalpel.embed.EmbeddingCache;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.flywheel.gate.GatePolicy;
import dev.scalpel.flywheel.simulate.Simulation;
import dev.scalpel.flywheel.simulate.SimulationOptions;
import dev.scalpel.flywheel.simulate.SimulationReport;
import dev.scalpel.learn.SpecialistTrainer;
import dev.scalpel.learn.TrainOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The learning loop simulated on CLINC150 Full with the same code {@code scalpel simulate} runs: a
 * starting model that knows half of the intents, five rounds of 500 traffic examples labeled by a
 * teacher that is wrong 5% of the time, each retrained, gated on the validation split and promoted
 * through a registry; the test split measures every champion. Writes
 * bench/results/flywheel-simulation.md and .json. Run with {@code bench/run
 * flywheel.SimulationBenchmark}.
 */
@Command(name = "flywheel.SimulationBenchmark", mixinStandardHelpOptions = true)
public final class SimulationBenchmark implements Callable<Integer> {
  @Option(
      names = "--datasets",
      defaultValue = "../shared/datasets",
      description = "Shared datasets folder.")
  Path datasets;

  @Option(
      names = "--work",
      defaultValue = "bench/target/work",
      description = "Scratch folder (converted data, embedding cache, the simulated registry).")
  Path work;

  @Option(
      names = "--out",
      defaultValue = "bench/results",
      description = "Where results are written.")
  Path out;

  @Option(names = "--known-fraction", defaultValue = "0.5")
  double knownFraction;

  @Option(names = "--rounds", defaultValue = "5")
  int rounds;

  @Option(names = "--per-round", defaultValue = "500")
  int perRound;

  @Option(names = "--teacher-noise", defaultValue = "0.05")
  double teacherNoise;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(
      names = "--balance-classes",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Class-balanced training, as scalpel simulate does by default.")
  boolean balanceClasses;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulationBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("command", command());
    results.put("date", Instant.now().toString());
    results.put("machine", Machine.describe());
    results.put("load_before", UptimeLoad.now());
    PublicDatasets.ClincSplits splits = PublicDatasets.clincFull(datasets, work.resolve("data"));
    ReadOptions read = ReadOptions.defaults();
    Dataset train = DatasetReader.read(splits.train(), read);
    Dataset val = DatasetReader.read(splits.val(), read);
    Dataset test = DatasetReader.read(splits.test(), read);
    results.put(
        "dataset",
        String.format(
            Locale.ROOT,
            "CLINC150 Full: train %d (train + oos_train), val %d (val + oos_val), test %d (test +"
                + " oos_test)",
            train.size(),
            val.size(),
            test.size()));
    SimulationOptions options =
        new SimulationOptions(
            knownFraction,
            rounds,
            perRound,
            teacherNoise,
            seed,
            balanced(TrainOptions.defaults(seed), balanceClasses),
            GatePolicy.defaults());
    Path registry = work.resolve("flywheel-simulation");
    WorkDirs.deleteRecursively(registry);
    long started = System.nanoTime();
    SimulationReport report;
    NoiseFreeCounterfactual noiseFree;
    SentenceEncoder raw = Encoders.open(EncoderSpec.DEFAULT);
    try (CachedEncoder encoder =
        CachedEncoder.create(
            raw, EmbeddingCache.open(work.resolve("flywheel-cache"), raw.identity()))) {
      report = Simulation.create(options, encoder).run(train, val, test, registry, logging());
      noiseFree =
          NoiseFreeCounterfactual.measure(
              registry.resolve("datasets"),
              Simulation.NAME,
              train,
              val,
              test,
              SpecialistTrainer.create(options.train(), encoder));
    }
    results.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
    results.put("load_after", UptimeLoad.now());
    results.put("targets", SimulationTargets.check(report));
    results.put("simulation", report);
    results.put("noise_free_counterfactual", noiseFree);
    Files.createDirectories(out);
    AtomicFiles.write(
        out.resolve("flywheel-simulation.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(results));
    AtomicFiles.write(
        out.resolve("flywheel-simulation.md"),
        SimulationPage.render(results, report, SimulationTargets.check(report), noiseFree)
            .getBytes(StandardCharsets.UTF_8));
    System.out.println("wrote " + out.resolve("flywheel-simulation.json") + " and .md");
    return 0;
  }

  private String command() {
    return String.format(
        Locale.ROOT,
        "bench/run flywheel.SimulationBenchmark --datasets %s --known-fraction %s --rounds %d"
            + " --per-round %d --teacher-noise %s --seed %d%s",
        datasets,
        knownFraction,
        rounds,
        perRound,
        teacherNoise,
        seed,
        balanceClasses ? "" : " --no-balance-classes");
  }

  /** As {@code scalpel simulate} trains by default: new intents arrive with few labels. */
  private static TrainOptions balanced(TrainOptions options, boolean balance) {
    return options.withTrainer(options.trainer().withBalanceClasses(balance));
  }

  /** One line per step on stderr, so that a long run shows where it is. */
  private static Progress logging() {
    long started = System.nanoTime();
    return new Progress() {
      @Override
      public void start(String task, long total) {
        System.err.printf(
            Locale.ROOT, "[%7.1f s] %s (%d)%n", (System.nanoTime() - started) / 1e9, task, total);
      }

      @Override
      public void advance(long done) {}

      @Override
      public void finish() {}
    };
  }
}
