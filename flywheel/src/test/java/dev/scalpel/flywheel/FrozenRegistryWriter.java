package dev.scalpel.flywheel;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.flywheel.dataset.DatasetStore;
import dev.scalpel.flywheel.dataset.DatasetVersion;
import dev.scalpel.flywheel.registry.ModelRegistry;
import dev.scalpel.flywheel.registry.NewVersion;
import dev.scalpel.learn.SpecialistTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the frozen data directory of {@code FrozenRegistryTest}: a dataset with two versions and a
 * frozen evaluation set, and a registry with one champion, all in format version 1, from a few
 * sentences written for this purpose. Never regenerate an existing one (this class refuses to
 * overwrite): when a format changes, write the next directory beside it and give it a test. Run
 * with the test classpath, the target directory as the argument, e.g. {@code
 * flywheel/src/test/resources/frozen/data-v1}.
 */
public final class FrozenRegistryWriter {
  private FrozenRegistryWriter() {}

  static final List<Example> FIRST =
      List.of(
          Example.of("where is my parcel", "track_order"),
          Example.of("has my order shipped yet", "track_order"),
          Example.of("tracking number for my delivery", "track_order"),
          Example.of("please cancel my order", "cancel_order"),
          Example.of("I want to cancel what I bought", "cancel_order"),
          Example.of("stop my order before it ships", "cancel_order"),
          Example.of("what is the capital of peru", "oos"));

  static final List<Example> SECOND =
      List.of(
          Example.of("my package has not arrived", "track_order"),
          Example.of("cancel the second item of my order", "cancel_order"));

  static final List<Example> EVAL =
      List.of(
          Example.of("when will my parcel arrive", "track_order"),
          Example.of("cancel my order please", "cancel_order"),
          Example.of("tell me a joke", "oos"));

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    if (Files.exists(dir)) {
      throw new IllegalStateException(dir + " exists: frozen files are never regenerated");
    }
    DatasetStore datasets = DatasetStore.open(dir.resolve("datasets"), "intent");
    Dataset eval = Dataset.of("eval.csv", EVAL, "oos");
    datasets.freezeEval(eval, "eval.csv");
    DatasetVersion v1 = datasets.add(Dataset.of("first.csv", FIRST, "oos"), "first.csv");
    datasets.add(Dataset.of("second.csv", SECOND, "oos"), "teacher");
    ModelRegistry registry =
        ModelRegistry.open(dir.resolve("registry"), "intent", SupportData.NO_ENCODER);
    var model =
        SpecialistTrainer.withoutEmbeddings(SupportData.options())
            .train(datasets.read("v1"), eval, Progress.NONE)
            .specialist();
    registry.add(
        model, new NewVersion(null, "v1", v1.sha256(), SupportData.options(), null, "frozen"));
    registry.promote("intent-1", "frozen", false);
    Files.deleteIfExists(dir.resolve("registry/intent/.lock"));
    Files.deleteIfExists(dir.resolve("datasets/intent/.lock"));
  }
}
