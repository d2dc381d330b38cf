package dev.scalpel.flywheel.retrain;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.flywheel.RegistryException;
import dev.scalpel.flywheel.dataset.DatasetStore;
import dev.scalpel.flywheel.dataset.DatasetVersion;
import dev.scalpel.flywheel.gate.Gate;
import dev.scalpel.flywheel.gate.GatePolicy;
import dev.scalpel.flywheel.gate.GateReport;
import dev.scalpel.flywheel.gate.GateSet;
import dev.scalpel.flywheel.gate.MetricsSummary;
import dev.scalpel.flywheel.registry.Champion;
import dev.scalpel.flywheel.registry.ChampionChange;
import dev.scalpel.flywheel.registry.ModelRegistry;
import dev.scalpel.flywheel.registry.ModelVersion;
import dev.scalpel.flywheel.registry.NewVersion;
import dev.scalpel.learn.EncoderProvider;
import dev.scalpel.learn.ModelInfo;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.SpecialistFiles;
import dev.scalpel.learn.SpecialistTrainer;
import dev.scalpel.learn.TrainOptions;
import dev.scalpel.learn.TrainingResult;
import dev.scalpel.learn.eval.MetricsCalculator;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a challenger on the newest dataset version with the champion's settings, gates it against
 * the champion on the frozen evaluation set and on the traffic labeled since the champion's dataset
 * version, registers it with the gate report, and promotes it when asked and allowed. {@code
 * scalpel retrain} and {@code scalpel simulate} both run this.
 */
public final class Retrainer {
  /** The name of the frozen evaluation set in gate reports. */
  public static final String FROZEN_SET = "frozen eval";

  /** The name of the recently labeled traffic in gate reports. */
  public static final String TRAFFIC_SET = "recent traffic";

  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final EncoderProvider encoders;
  private final GatePolicy policy;

  private Retrainer(
      ModelRegistry registry, DatasetStore datasets, EncoderProvider encoders, GatePolicy policy) {
    this.registry = registry;
    this.datasets = datasets;
    this.encoders = encoders;
    this.policy = policy;
  }

  /**
   * A retrainer over one specialist's registry and dataset. {@code encoders} supplies the
   * champion's sentence encoder (wrap it in an embedding cache: a retrain embeds mostly texts seen
   * before); it is not asked for n-gram-only specialists.
   */
  public static Retrainer create(
      ModelRegistry registry, DatasetStore datasets, EncoderProvider encoders, GatePolicy policy) {
    return new Retrainer(registry, datasets, encoders, policy);
  }

  public RetrainOutcome retrain(RetrainRequest request, Progress progress) {
    Champion champion =
        registry
            .champion()
            .orElseThrow(() ->
                new RegistryException(
                    "'"
                        + registry.name()
                        + "' has no champion to retrain: start the registry with 'scalpel"
                        + " models import'"));
    ModelVersion championVersion = registry.version(champion.version());
    DatasetVersion newest =
        datasets
            .latest()
            .orElseThrow(() ->
                new RegistryException(
                    "dataset '"
                        + datasets.name()
                        + "' has no versions: add labeled examples with 'scalpel datasets add'"));
    if (newest.version().equals(championVersion.datasetVersion())) {
      throw new RegistryException(
          String.format(
              "nothing new to train on: the champion %s was trained on %s@%s, the newest version;"
                  + " add labeled examples with 'scalpel datasets add'",
              champion.version(), datasets.name(), newest.version()));
    }
    Dataset frozen = datasets.readFrozenEval();
    Dataset train = datasets.read(newest.version());
    Dataset traffic = recentTraffic(championVersion, newest);
    TrainOptions settings = championVersion.settings();
    ModelInfo championInfo = SpecialistFiles.readInfo(champion.model());

    long started = System.nanoTime();
    TrainingResult trained = trainer(settings, championInfo).train(train, frozen, progress);
    double trainSeconds = seconds(started);

    started = System.nanoTime();
    double target = settings.targetPrecision();
    Specialist incumbent =
        SpecialistFiles.load(champion.model(), encoders).withTargetPrecision(target);
    Specialist challenger = trained.specialist().withTargetPrecision(target);
    List<GateSet> sets = new ArrayList<>();
    sets.add(
        gateSet(
            FROZEN_SET + " (" + frozen.source() + ")", incumbent, challenger, frozen, progress));
    if (traffic.size() > 0) {
      sets.add(
          gateSet(
              TRAFFIC_SET + " (" + traffic.source() + ")",
              incumbent,
              challenger,
              traffic,
              progress));
    }
    GateReport gate = Gate.decide(policy, champion.version(), target, sets);
    double gateSeconds = seconds(started);

    started = System.nanoTime();
    String reason =
        request.reason().isEmpty()
            ? "retrained on " + datasets.name() + "@" + newest.version()
            : request.reason();
    ModelVersion registered =
        registry.add(
            trained.specialist(),
            new NewVersion(
                champion.version(), newest.version(), newest.sha256(), settings, gate, reason));
    ChampionChange promotion;
    if (!request.promotes()) {
      promotion =
          new ChampionChange.Kept(
              champion.version(), registered.version(), "promotion not requested");
    } else if (!gate.passed() && !request.force()) {
      promotion =
          new ChampionChange.Kept(
              champion.version(),
              registered.version(),
              "the gate failed: " + String.join("; ", gate.reasons()));
    } else {
      promotion = registry.promote(registered.version(), reason, request.force());
    }
    double promoteSeconds = seconds(started);
    return new RetrainOutcome(
        registered,
        gate,
        promotion,
        new RetrainTimings(trainSeconds, gateSeconds, promoteSeconds),
        trained.warnings());
  }

  private SpecialistTrainer trainer(TrainOptions settings, ModelInfo championInfo) {
    if (!settings.features().useEmbeddings()) {
      return SpecialistTrainer.withoutEmbeddings(settings);
    }
    return SpecialistTrainer.create(
        settings,
        encoders.encoderFor(
            championInfo
                .encoderIdentity()
                .orElseThrow(() ->
                    new RegistryException(
                        "the champion's settings use embeddings but its model names no encoder"))));
  }

  /** The examples labeled since the champion's dataset version (all of the newest when unknown). */
  private Dataset recentTraffic(ModelVersion champion, DatasetVersion newest) {
    int since =
        champion.datasetVersion() == null
            ? newest.number() - 1
            : datasets.version(champion.datasetVersion()).number();
    List<Example> examples = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (DatasetVersion v : datasets.versions()) {
      if (v.number() > since && v.number() <= newest.number()) {
        examples.addAll(datasets.readAdded(v.version()).examples());
        ids.add(v.version());
      }
    }
    return Dataset.of(datasets.name() + "@" + String.join("+", ids), examples, newest.oosLabel());
  }

  private static GateSet gateSet(
      String name, Specialist champion, Specialist challenger, Dataset data, Progress progress) {
    return new GateSet(
        name, measure(champion, data, progress), measure(challenger, data, progress));
  }

  /** The metrics {@code scalpel eval} reports, without its latency sampling. */
  public static MetricsSummary measure(Specialist specialist, Dataset data, Progress progress) {
    List<String> gold = data.examples().stream().map(Example::label).toList();
    return MetricsSummary.of(
        MetricsCalculator.compute(
            gold, specialist.classifyAll(data.texts(), progress), data.oosLabel()));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
