package dev.scalpel.flywheel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.flywheel.RegistryException;
import dev.scalpel.flywheel.Sha256;
import dev.scalpel.flywheel.SupportData;
import dev.scalpel.flywheel.gate.Gate;
import dev.scalpel.flywheel.gate.GatePolicy;
import dev.scalpel.flywheel.gate.GateReport;
import dev.scalpel.flywheel.gate.GateSet;
import dev.scalpel.flywheel.gate.MetricsSummary;
import dev.scalpel.learn.SpecialistFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  @TempDir static Path models;
  private static Path small;
  private static Path large;

  @TempDir Path root;

  @BeforeAll
  static void trainTwoModels() {
    Dataset train = SupportData.read("train.csv");
    Dataset val = SupportData.read("val.csv");
    small = models.resolve("small.scalpel");
    large = models.resolve("large.scalpel");
    SpecialistFiles.save(SupportData.train(SupportData.half(train, 0), val), small);
    SpecialistFiles.save(SupportData.train(train, val), large);
  }

  private ModelRegistry registry() {
    return ModelRegistry.open(root, "intent", SupportData.NO_ENCODER);
  }

  private static NewVersion imported(GateReport gate) {
    return new NewVersion(null, null, null, SupportData.options(), gate, "imported");
  }

  private static GateReport failedGate() {
    MetricsSummary champion = new MetricsSummary(180, 0.9, 0.99, 0.99, 0.9, 0.5);
    MetricsSummary challenger = new MetricsSummary(180, 0.5, 0.99, 0.99, 0.9, 0.5);
    return Gate.decide(
        GatePolicy.defaults(),
        "intent-1",
        0.99,
        List.of(new GateSet("frozen eval", champion, challenger)));
  }

  @Test
  void importRegistersAVersionThatServesOnlyOncePromoted() throws IOException {
    ModelRegistry registry = registry();

    ModelVersion v1 = registry.importModel(small, imported(null));

    assertThat(v1.version()).isEqualTo("intent-1");
    assertThat(v1.number()).isEqualTo(1);
    assertThat(v1.parent()).isNull();
    assertThat(v1.modelSha256()).isEqualTo(Sha256.hex(Files.readAllBytes(small)));
    assertThat(v1.metrics().examples()).isEqualTo(180);
    assertThat(v1.provenance().trainExamples()).isEqualTo(430);
    assertThat(v1.settings()).isEqualTo(SupportData.options());
    assertThat(registry.modelPath("intent-1"))
        .isEqualTo(root.resolve("intent/versions/intent-1/model.scalpel").toAbsolutePath());
    assertThat(registry.version("intent-1")).isEqualTo(v1);
    assertThat(registry.champion()).isEmpty();
    assertThat(ModelRegistry.names(root)).containsExactly("intent");

    ChampionChange change = registry.promote("intent-1", "first model", false);

    assertThat(change).isEqualTo(new ChampionChange.Switched("promote", null, "intent-1"));
    Champion champion = registry.champion().orElseThrow();
    assertThat(champion.version()).isEqualTo("intent-1");
    assertThat(champion.model()).isEqualTo(registry.modelPath("intent-1"));
    assertThat(champion.history()).isEmpty();
    assertThat(SpecialistFiles.load(champion.model(), SupportData.NO_ENCODER).info().intents())
        .hasSize(20);
  }

  @Test
  void promoteAndRollBackWithAnAuditTrail() {
    ModelRegistry registry = registry();
    registry.importModel(small, imported(null));
    registry.importModel(large, imported(null));
    registry.promote("intent-1", "first", false);

    assertThat(registry.promote("intent-2", "more data", false))
        .isEqualTo(new ChampionChange.Switched("promote", "intent-1", "intent-2"));
    assertThat(registry.champion().orElseThrow().history()).containsExactly("intent-1");
    assertThat(registry.promote("intent-2", "again", false))
        .isEqualTo(
            new ChampionChange.Kept("intent-2", "intent-2", "intent-2 is already the champion"));

    assertThat(registry.rollback("answers got worse"))
        .isEqualTo(new ChampionChange.Switched("rollback", "intent-2", "intent-1"));
    assertThat(registry.champion().orElseThrow().version()).isEqualTo("intent-1");
    assertThat(registry.champion().orElseThrow().history()).isEmpty();
    assertThat(registry.rollback("once more"))
        .isEqualTo(
            new ChampionChange.Kept(
                "intent-1", null, "nothing to roll back to: intent-1 is the first champion"));

    List<AuditEntry> audit = registry.audit();
    assertThat(audit)
        .extracting(
            AuditEntry::action, AuditEntry::version, AuditEntry::previous, AuditEntry::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("promote", "intent-1", null, "first"),
            org.assertj.core.groups.Tuple.tuple("promote", "intent-2", "intent-1", "more data"),
            org.assertj.core.groups.Tuple.tuple(
                "rollback", "intent-1", "intent-2", "answers got worse"));
    assertThat(audit).allMatch(e -> e.actor().equals(System.getProperty("user.name")));
    assertThat(audit).noneMatch(AuditEntry::forced);
  }

  @Test
  void anotherProcessSeesTheNewChampionAtOnce() {
    ModelRegistry writer = registry();
    ModelRegistry reader = registry();
    writer.importModel(small, imported(null));
    writer.importModel(large, imported(null));
    writer.promote("intent-1", "first", false);
    assertThat(reader.champion().orElseThrow().version()).isEqualTo("intent-1");

    writer.promote("intent-2", "second", false);

    assertThat(reader.champion().orElseThrow().version()).isEqualTo("intent-2");
  }

  @Test
  void aFailedGateNeedsForceAndForceIsAudited() {
    ModelRegistry registry = registry();
    registry.importModel(small, imported(null));
    registry.importModel(large, imported(failedGate()));
    registry.promote("intent-1", "first", false);

    ChampionChange refused = registry.promote("intent-2", "try", false);
    ChampionChange forced = registry.promote("intent-2", "the eval set is stale", true);

    assertThat(refused)
        .isEqualTo(
            new ChampionChange.Kept(
                "intent-1",
                "intent-2",
                "its gate failed: frozen eval (180 examples): coverage 50.00% vs champion 90.00%"
                    + " (at least 90.00% needed): falls (use --force to promote it anyway)"));
    assertThat(forced).isEqualTo(new ChampionChange.Switched("promote", "intent-1", "intent-2"));
    List<AuditEntry> audit = registry.audit();
    assertThat(audit)
        .extracting(AuditEntry::action)
        .containsExactly("promote", "promote-refused", "promote");
    AuditEntry last = audit.getLast();
    assertThat(last.forced()).isTrue();
    assertThat(last.reason())
        .startsWith("the eval set is stale [forced past a failed gate: frozen eval (180 examples)");
  }

  @Test
  void aModelThatFailsToLoadIsRejectedAndTheChampionStays() throws IOException {
    ModelRegistry registry = registry();
    registry.importModel(small, imported(null));
    registry.importModel(large, imported(null));
    registry.promote("intent-1", "first", false);
    Path model = registry.modelPath("intent-2");
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(model, bytes);

    ChampionChange change = registry.promote("intent-2", "bigger", false);

    assertThat(change).isInstanceOf(ChampionChange.Kept.class);
    assertThat(((ChampionChange.Kept) change).reason())
        .startsWith("its model fails to load: " + model + ": changed since it was registered");
    assertThat(registry.champion().orElseThrow().version()).isEqualTo("intent-1");
    assertThat(registry.audit().getLast().action()).isEqualTo("promote-refused");
  }

  @Test
  void aModelFileThatIsNoModelIsRejectedByTheLoadCheck() throws IOException {
    ModelRegistry registry = registry();
    registry.importModel(small, imported(null));
    ModelVersion v2 = registry.importModel(large, imported(null));
    registry.promote("intent-1", "first", false);
    Path model = registry.modelPath("intent-2");
    byte[] garbage = "not a model at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(model, garbage);
    Path record = model.resolveSibling("version.json");
    Files.writeString(
        record, Files.readString(record).replace(v2.modelSha256(), Sha256.hex(garbage)));

    ChampionChange change = registry.promote("intent-2", "bigger", false);

    assertThat(((ChampionChange.Kept) change).reason())
        .startsWith("its model fails to load: " + model + ": not a Scalpel model file");
    assertThat(registry.champion().orElseThrow().version()).isEqualTo("intent-1");
  }

  @Test
  void aCrashBetweenWritingAVersionAndSwitchingLeavesTheChampion() throws IOException {
    ModelRegistry registry = registry();
    registry.importModel(small, imported(null));
    registry.promote("intent-1", "first", false);
    // What a crash leaves at each step of writing intent-2 and switching to it: a staging
    // directory,
    // a version directory that never got its record, a complete version, a temp file of the
    // pointer.
    Path versions = root.resolve("intent/versions");
    Path staging = Files.createDirectories(versions.resolve(".staging-intent-2-98765"));
    Files.write(staging.resolve("model.scalpel"), new byte[] {1, 2, 3});
    Path incomplete = Files.createDirectories(versions.resolve("intent-2"));
    Files.write(incomplete.resolve("model.scalpel"), Files.readAllBytes(large));
    Files.writeString(root.resolve("intent/.champion123.tmp"), "{\"champion\":\"intent-2\"");

    ModelRegistry reopened = registry();

    assertThat(reopened.champion().orElseThrow().version()).isEqualTo("intent-1");
    assertThat(reopened.versions()).extracting(ModelVersion::version).containsExactly("intent-1");
    assertThatThrownBy(() -> reopened.promote("intent-2", "x", false))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith(
            "intent-2 is incomplete (no version.json): it was never registered");

    ModelVersion next = reopened.importModel(large, imported(null));

    assertThat(next.version()).isEqualTo("intent-3");
    assertThat(staging).doesNotExist();
    assertThat(reopened.champion().orElseThrow().version()).isEqualTo("intent-1");
    assertThat(reopened.promote("intent-3", "now", false))
        .isEqualTo(new ChampionChange.Switched("promote", "intent-1", "intent-3"));
  }

  @Test
  void clearErrors() {
    ModelRegistry registry = registry();
    registry.importModel(small, imported(null));

    assertThatThrownBy(() -> registry.promote("intent-9", "x", false))
        .isInstanceOf(RegistryException.class)
        .hasMessage("unknown version intent-9 (registered: [intent-1])");
    assertThatThrownBy(() -> registry.version("other-1"))
        .isInstanceOf(RegistryException.class)
        .hasMessage("'other-1' is not a version of 'intent' (expected intent-<n>)");
    assertThatThrownBy(() -> registry.rollback("x"))
        .isInstanceOf(RegistryException.class)
        .hasMessage("'intent' has no champion yet: nothing to roll back");
    assertThatThrownBy(() -> registry.importModel(root.resolve("missing.scalpel"), imported(null)))
        .isInstanceOf(dev.scalpel.core.io.ModelFormatException.class)
        .hasMessageEndingWith("missing.scalpel: file not found");
  }
}
