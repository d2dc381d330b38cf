package dev.scalpel.flywheel.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.flywheel.RegistryException;
import dev.scalpel.flywheel.SupportData;
import dev.scalpel.flywheel.dataset.DatasetStore;
import dev.scalpel.flywheel.dataset.DatasetVersion;
import dev.scalpel.flywheel.gate.GateCheck;
import dev.scalpel.flywheel.gate.GatePolicy;
import dev.scalpel.flywheel.gate.GateSet;
import dev.scalpel.flywheel.registry.AuditEntry;
import dev.scalpel.flywheel.registry.ChampionChange;
import dev.scalpel.flywheel.registry.ModelRegistry;
import dev.scalpel.flywheel.registry.ModelVersion;
import dev.scalpel.flywheel.registry.NewVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry started from half the support data, then fed good labels or bad ones. */
class RetrainerTest {
  private static final Dataset TRAIN = SupportData.read("train.csv");
  private static final Dataset VAL = SupportData.read("val.csv");

  @TempDir Path dataDir;
  private ModelRegistry registry;
  private DatasetStore datasets;
  private Retrainer retrainer;

  @BeforeEach
  void startFromHalfTheData() {
    registry = ModelRegistry.open(dataDir.resolve("registry"), "intent", SupportData.NO_ENCODER);
    datasets = DatasetStore.open(dataDir.resolve("datasets"), "intent");
    datasets.freezeEval(VAL, "val.csv");
    DatasetVersion v1 = datasets.add(SupportData.half(TRAIN, 0), "train.csv, even rows");
    ModelVersion first =
        registry.add(
            SupportData.train(datasets.read("v1"), VAL),
            new NewVersion(null, "v1", v1.sha256(), SupportData.options(), null, "start"));
    registry.promote(first.version(), "start", false);
    retrainer = Retrainer.create(registry, datasets, SupportData.NO_ENCODER, GatePolicy.defaults());
  }

  @Test
  void moreGoodLabelsMakeAChallengerThatPassesAndIsPromoted() {
    datasets.add(SupportData.half(TRAIN, 1), "train.csv, odd rows");

    RetrainOutcome outcome =
        retrainer.retrain(new RetrainRequest(true, false, "weekly retrain"), Progress.NONE);

    assertThat(outcome.gate().passed()).as(outcome.gate().reasons().toString()).isTrue();
    assertThat(outcome.promotion())
        .isEqualTo(new ChampionChange.Switched("promote", "intent-1", "intent-2"));
    assertThat(outcome.promoted()).isTrue();
    ModelVersion challenger = outcome.challenger();
    assertThat(challenger.version()).isEqualTo("intent-2");
    assertThat(challenger.parent()).isEqualTo("intent-1");
    assertThat(challenger.datasetVersion()).isEqualTo("v2");
    assertThat(challenger.datasetSha256()).isEqualTo(datasets.version("v2").sha256());
    assertThat(challenger.provenance().trainExamples()).isEqualTo(TRAIN.size());
    assertThat(challenger.note()).isEqualTo("weekly retrain");
    assertThat(registry.version("intent-2").gate()).isEqualTo(outcome.gate());
    assertThat(outcome.gate().sets())
        .extracting(GateSet::name)
        .containsExactly("frozen eval (intent@eval)", "recent traffic (intent@v2)");
    assertThat(outcome.gate().sets().get(1).champion().examples()).isEqualTo(430);
    GateSet frozen = outcome.gate().sets().getFirst();
    assertThat(frozen.challenger().coverage()).isGreaterThan(frozen.champion().coverage());
    assertThat(outcome.timings().trainSeconds()).isPositive();
    assertThat(registry.champion().orElseThrow().version()).isEqualTo("intent-2");
  }

  @Test
  void aChallengerTrainedOnShuffledLabelsIsRejected() {
    datasets.add(SupportData.shuffledLabels(TRAIN, 7), "a broken labeling job");

    RetrainOutcome outcome =
        retrainer.retrain(new RetrainRequest(true, false, "nightly"), Progress.NONE);

    assertThat(outcome.gate().passed()).isFalse();
    assertThat(outcome.promoted()).isFalse();
    GateCheck coverage =
        outcome.gate().checks().stream()
            .filter(c -> c.set().startsWith("frozen eval") && c.metric().equals("coverage"))
            .findFirst()
            .orElseThrow();
    assertThat(coverage.passed()).isFalse();
    assertThat(coverage.challenger()).isLessThan(coverage.champion() - 0.2);
    assertThat(outcome.promotion())
        .isInstanceOfSatisfying(
            ChampionChange.Kept.class,
            kept -> {
              assertThat(kept.champion()).isEqualTo("intent-1");
              assertThat(kept.reason()).startsWith("the gate failed: frozen eval (intent@eval)");
            });
    assertThat(registry.champion().orElseThrow().version()).isEqualTo("intent-1");
    assertThat(registry.version("intent-2").gateFailed()).isTrue();
  }

  @Test
  void forcePromotesPastAFailedGateAndIsAudited() {
    datasets.add(SupportData.shuffledLabels(TRAIN, 7), "a broken labeling job");

    RetrainOutcome outcome =
        retrainer.retrain(new RetrainRequest(false, true, "override for a demo"), Progress.NONE);

    assertThat(outcome.gate().passed()).isFalse();
    assertThat(outcome.promoted()).isTrue();
    AuditEntry entry = registry.audit().getLast();
    assertThat(entry.action()).isEqualTo("promote");
    assertThat(entry.version()).isEqualTo("intent-2");
    assertThat(entry.forced()).isTrue();
    assertThat(entry.reason()).startsWith("override for a demo [forced past a failed gate: ");
  }

  @Test
  void withoutPromoteTheChallengerIsOnlyRegistered() {
    datasets.add(SupportData.half(TRAIN, 1), "train.csv, odd rows");

    RetrainOutcome outcome = retrainer.retrain(new RetrainRequest(false, false, ""), Progress.NONE);

    assertThat(outcome.gate().passed()).isTrue();
    assertThat(outcome.promotion())
        .isEqualTo(new ChampionChange.Kept("intent-1", "intent-2", "promotion not requested"));
    assertThat(registry.champion().orElseThrow().version()).isEqualTo("intent-1");
  }

  @Test
  void nothingNewToTrainOnIsAnError() {
    assertThatThrownBy(() -> retrainer.retrain(new RetrainRequest(true, false, ""), Progress.NONE))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "nothing new to train on: the champion intent-1 was trained on intent@v1, the newest"
                + " version; add labeled examples with 'scalpel datasets add'");
  }
}
