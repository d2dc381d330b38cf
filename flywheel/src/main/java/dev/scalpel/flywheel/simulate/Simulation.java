package dev.scalpel.flywheel.simulate;

import dev.scalpel.core.Decision;
import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.flywheel.RegistryException;
import dev.scalpel.flywheel.dataset.DatasetStore;
import dev.scalpel.flywheel.dataset.DatasetVersion;
import dev.scalpel.flywheel.registry.Champion;
import dev.scalpel.flywheel.registry.ChampionChange;
import dev.scalpel.flywheel.registry.ModelRegistry;
import dev.scalpel.flywheel.registry.ModelVersion;
import dev.scalpel.flywheel.registry.NewVersion;
import dev.scalpel.flywheel.retrain.RetrainOutcome;
import dev.scalpel.flywheel.retrain.RetrainRequest;
import dev.scalpel.flywheel.retrain.Retrainer;
import dev.scalpel.learn.EncoderProvider;
import dev.scalpel.learn.Prediction;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.SpecialistFiles;
import dev.scalpel.learn.SpecialistTrainer;
import dev.scalpel.learn.TrainOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the learning loop end to end on a labeled dataset, in-process: a starting model that knows
 * only some intents, then rounds in which the champion routes the next slice of traffic, a
 * simulated teacher labels what it escalated, and a challenger is retrained, gated on the
 * validation file and promoted through a real registry, exactly as {@code scalpel retrain
 * --promote} does. The test file is only ever used to measure the champion after each round.
 */
public final class Simulation {
  /** The specialist name in the simulation's registry. */
  public static final String NAME = "sim";

  private final SimulationOptions options;
  private final SentenceEncoder encoder;

  private Simulation(SimulationOptions options, SentenceEncoder encoder) {
    this.options = options;
    this.encoder = encoder;
  }

  /**
   * A simulation whose models use {@code encoder}'s sentence embeddings; give it a cached encoder,
   * since every text is classified many times.
   */
  public static Simulation create(SimulationOptions options, SentenceEncoder encoder) {
    if (!options.train().features().useEmbeddings()) {
      throw new IllegalArgumentException("these options use no embeddings; use withoutEmbeddings");
    }
    return new Simulation(options, encoder);
  }

  /** A simulation of n-gram-only models. */
  public static Simulation withoutEmbeddings(SimulationOptions options) {
    TrainOptions train = options.train();
    return new Simulation(
        new SimulationOptions(
            options.knownFraction(),
            options.rounds(),
            options.perRound(),
            options.teacherNoise(),
            options.seed(),
            train.withFeatures(train.features().withoutEmbeddings()),
            options.gate()),
        null);
  }

  /**
   * Runs the simulation with its registry and datasets in {@code work}, which must be empty or
   * absent.
   */
  public SimulationReport run(
      Dataset train, Dataset validation, Dataset test, Path work, Progress progress) {
    requireEmpty(work);
    EncoderProvider encoders = this::encoderFor;
    DatasetStore datasets = DatasetStore.open(work.resolve("datasets"), NAME);
    ModelRegistry registry = ModelRegistry.open(work.resolve("registry"), NAME, encoders);
    KnownIntents split = KnownIntents.split(train, options.knownFraction(), options.seed());

    datasets.freezeEval(validation, "validation file " + validation.source());
    DatasetVersion first = datasets.add(split.starting(), "the known intents of " + train.source());
    ModelVersion starting =
        registry.add(
            trainer().train(datasets.read(first.version()), validation, progress).specialist(),
            new NewVersion(
                null, first.version(), first.sha256(), options.train(), null, "starting model"));
    if (registry.promote(starting.version(), "starting model", false)
        instanceof ChampionChange.Kept kept) {
      throw new RegistryException("the starting model was not promoted: " + kept.reason());
    }

    Specialist champion = loadChampion(registry);
    List<RoundResult> rounds = new ArrayList<>();
    List<RoundTiming> timings = new ArrayList<>();
    rounds.add(
        new RoundResult(
            0, starting.version(), true, 0, TestMetrics.measure(champion, test, progress)));

    Retrainer retrainer = Retrainer.create(registry, datasets, encoders, options.gate());
    List<String> labels = new ArrayList<>(train.labelCounts().keySet());
    SimulatedTeacher teacher = new SimulatedTeacher(labels, options.teacherNoise(), options.seed());
    int labelsUsed = 0;
    for (int round = 1; round <= options.rounds(); round++) {
      List<Example> slice = slice(split.traffic(), round);
      List<Prediction> routed =
          champion.classifyAll(slice.stream().map(Example::text).toList(), progress);
      List<Example> labeled = new ArrayList<>();
      for (int i = 0; i < slice.size(); i++) {
        if (routed.get(i).decision() != Decision.ANSWER) {
          labeled.add(teacher.label(slice.get(i)));
        }
      }
      labelsUsed += labeled.size();
      boolean promoted = false;
      if (labeled.isEmpty()) {
        timings.add(new RoundTiming(round, slice.size(), 0, null, null, List.of(), 0, 0, 0, 0, 0));
      } else {
        datasets.add(
            train.withExamples("teacher labels", labeled),
            String.format(
                Locale.ROOT,
                "simulated teacher, round %d (noise %.3f)",
                round,
                options.teacherNoise()));
        long cpuBefore = ProcessCpu.nanos();
        RetrainOutcome outcome =
            retrainer.retrain(
                new RetrainRequest(true, false, "simulation round " + round), progress);
        double cpuSeconds = (ProcessCpu.nanos() - cpuBefore) / 1e9;
        promoted = outcome.promoted();
        timings.add(timing(round, slice.size(), labeled.size(), outcome, cpuSeconds));
        if (promoted) {
          champion = loadChampion(registry);
        }
      }
      rounds.add(
          new RoundResult(
              round,
              registry.champion().map(Champion::version).orElseThrow(),
              promoted,
              labelsUsed,
              TestMetrics.measure(champion, test, progress)));
    }

    TestMetrics reference =
        TestMetrics.measure(
            trainer().train(train, validation, progress).specialist(), test, progress);
    return new SimulationReport(
        rounds,
        timings,
        reference,
        split.known(),
        train.intentLabels().size() - split.known().size(),
        split.starting().size(),
        split.traffic().size(),
        options);
  }

  private List<Example> slice(List<Example> traffic, int round) {
    int from = Math.min(traffic.size(), (round - 1) * options.perRound());
    int to = Math.min(traffic.size(), round * options.perRound());
    return traffic.subList(from, to);
  }

  private static RoundTiming timing(
      int round, int routed, int escalated, RetrainOutcome outcome, double cpuSeconds) {
    String reason =
        switch (outcome.promotion()) {
          case ChampionChange.Switched switched -> null;
          case ChampionChange.Kept kept -> kept.reason();
        };
    return new RoundTiming(
        round,
        routed,
        escalated,
        outcome.challenger().version(),
        outcome.gate().passed(),
        reason == null ? List.of() : List.of(reason),
        outcome.timings().trainSeconds(),
        outcome.timings().gateSeconds(),
        outcome.timings().promoteSeconds(),
        outcome.timings().totalSeconds(),
        cpuSeconds);
  }

  private SpecialistTrainer trainer() {
    return encoder == null
        ? SpecialistTrainer.withoutEmbeddings(options.train())
        : SpecialistTrainer.create(options.train(), encoder);
  }

  private Specialist loadChampion(ModelRegistry registry) {
    Champion champion = registry.champion().orElseThrow();
    return SpecialistFiles.load(champion.model(), this::encoderFor)
        .withTargetPrecision(options.train().targetPrecision());
  }

  private SentenceEncoder encoderFor(dev.scalpel.embed.EncoderIdentity identity) {
    if (encoder == null) {
      throw new IllegalStateException("an n-gram-only simulation has no encoder to give");
    }
    return encoder;
  }

  private static void requireEmpty(Path work) {
    if (!Files.exists(work)) {
      return;
    }
    try (Stream<Path> entries = Files.list(work)) {
      if (entries.findAny().isPresent()) {
        throw new RegistryException(
            work + " is not empty: the simulation needs a fresh directory for its registry");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + work + ": " + e.getMessage(), e);
    }
  }
}
