package dev.scalpel.flywheel.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.flywheel.RegistryException;
import dev.scalpel.flywheel.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreTest {
  @TempDir Path root;

  private static Dataset data(String source, String... textsAndLabels) {
    List<Example> examples = new java.util.ArrayList<>();
    for (int i = 0; i < textsAndLabels.length; i += 2) {
      examples.add(Example.of(textsAndLabels[i], textsAndLabels[i + 1]));
    }
    return Dataset.of(source, examples, "oos");
  }

  private static final Dataset FIRST =
      data("a.csv", "where is my order", "track_order", "cancel it please", "cancel_order");
  private static final Dataset SECOND =
      data("labels.csv", "my parcel is late", "track_order", "what is the weather", "oos");

  @Test
  void versionIsItsParentPlusTheAddedExamples() {
    DatasetStore store = DatasetStore.open(root, "intent");

    DatasetVersion v1 = store.add(FIRST, "a.csv");
    DatasetVersion v2 = store.add(SECOND, "teacher");

    assertThat(v1.version()).isEqualTo("v1");
    assertThat(v1.parent()).isNull();
    assertThat(v2.version()).isEqualTo("v2");
    assertThat(v2.parent()).isEqualTo("v1");
    assertThat(v2.added()).isEqualTo(2);
    assertThat(v2.total()).isEqualTo(4);
    assertThat(v2.addedLabelCounts())
        .containsExactly(java.util.Map.entry("oos", 1), java.util.Map.entry("track_order", 1));
    assertThat(store.versions()).containsExactly(v1, v2);
    assertThat(store.latest()).contains(v2);
    Dataset all = store.read("v2");
    assertThat(all.texts())
        .containsExactly(
            "where is my order", "cancel it please", "my parcel is late", "what is the weather");
    assertThat(all.source()).isEqualTo("intent@v2");
    assertThat(store.read("v1").size()).isEqualTo(2);
    assertThat(store.readAdded("v2").texts())
        .containsExactly("my parcel is late", "what is the weather");
    assertThat(Files.exists(root.resolve("intent/v2/examples.jsonl"))).isTrue();
    assertThat(Files.exists(root.resolve("intent/v2/manifest.json"))).isTrue();
  }

  @Test
  void sameInputsGiveTheSameHashesAnywhere(@TempDir Path elsewhere) throws IOException {
    DatasetStore one = DatasetStore.open(root, "intent");
    DatasetStore two = DatasetStore.open(elsewhere, "intent");

    DatasetVersion a1 = one.add(FIRST, "a.csv");
    DatasetVersion a2 = one.add(SECOND, "teacher");
    DatasetVersion b1 = two.add(FIRST, "another source");
    DatasetVersion b2 = two.add(SECOND, "another teacher");

    assertThat(b1.examplesSha256()).isEqualTo(a1.examplesSha256());
    assertThat(b2.sha256()).isEqualTo(a2.sha256());
    assertThat(a2.sha256()).isNotEqualTo(a1.sha256());
    assertThat(a1.examplesSha256())
        .isEqualTo(Sha256.hex(Files.readAllBytes(root.resolve("intent/v1/examples.jsonl"))));
  }

  @Test
  void theChainHashDependsOnTheParent(@TempDir Path elsewhere) {
    DatasetStore one = DatasetStore.open(root, "intent");
    DatasetStore two = DatasetStore.open(elsewhere, "intent");

    one.add(FIRST, "a");
    DatasetVersion afterFirst = one.add(SECOND, "b");
    DatasetVersion alone = two.add(SECOND, "b");

    assertThat(alone.examplesSha256()).isEqualTo(afterFirst.examplesSha256());
    assertThat(alone.sha256()).isNotEqualTo(afterFirst.sha256());
  }

  @Test
  void anEditedExamplesFileIsDetected() throws IOException {
    DatasetStore store = DatasetStore.open(root, "intent");
    store.add(FIRST, "a.csv");
    store.add(SECOND, "teacher");
    Path file = root.resolve("intent/v1/examples.jsonl");
    Files.writeString(
        file,
        Files.readString(file).replace("cancel_order", "track_order"),
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> store.read("v2"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith(file + ": changed after it was written (manifest SHA-256 ");
  }

  @Test
  void anEditMatchedByARewrittenManifestHashStillBreaksTheChain() throws IOException {
    DatasetStore store = DatasetStore.open(root, "intent");
    DatasetVersion v1 = store.add(FIRST, "a.csv");
    Path examples = root.resolve("intent/v1/examples.jsonl");
    Path manifest = root.resolve("intent/v1/manifest.json");
    Files.writeString(examples, Files.readString(examples).replace("cancel_order", "track_order"));
    String newHash = Sha256.hex(Files.readAllBytes(examples));
    Files.writeString(manifest, Files.readString(manifest).replace(v1.examplesSha256(), newHash));

    assertThatThrownBy(() -> store.read("v1"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(manifest + ": version hash does not match its parent and examples");
  }

  @Test
  void aTruncatedExamplesFileIsDetected() throws IOException {
    DatasetStore store = DatasetStore.open(root, "intent");
    store.add(FIRST, "a.csv");
    Path file = root.resolve("intent/v1/examples.jsonl");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> store.read("v1"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("changed after it was written");
  }

  @Test
  void aHalfWrittenVersionIsInvisibleAndCleanedUpByTheNextWriter() throws IOException {
    DatasetStore store = DatasetStore.open(root, "intent");
    store.add(FIRST, "a.csv");
    Path stale = Files.createDirectories(root.resolve("intent/.staging-v2-12345"));
    Files.writeString(stale.resolve("examples.jsonl"), "{\"text\":\"half");

    assertThat(store.versions()).extracting(DatasetVersion::version).containsExactly("v1");
    DatasetVersion v2 = store.add(SECOND, "teacher");

    assertThat(v2.version()).isEqualTo("v2");
    assertThat(stale).doesNotExist();
    assertThat(store.read("v2").size()).isEqualTo(4);
  }

  @Test
  void theFrozenEvaluationSetIsSetOnce() {
    DatasetStore store = DatasetStore.open(root, "intent");

    DatasetVersion eval = store.freezeEval(FIRST, "val.csv");
    DatasetVersion again = store.freezeEval(FIRST, "val.csv, again");

    assertThat(eval.version()).isEqualTo("eval");
    assertThat(again).isEqualTo(eval);
    assertThat(store.readFrozenEval().texts()).containsExactlyElementsOf(FIRST.texts());
    assertThat(store.versions()).isEmpty();
    assertThatThrownBy(() -> store.freezeEval(SECOND, "other.csv"))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("dataset 'intent' already has a frozen evaluation set (2 examples");
  }

  @Test
  void clearErrors() {
    DatasetStore store = DatasetStore.open(root, "intent");
    store.add(FIRST, "a.csv");

    assertThatThrownBy(() -> store.read("v7"))
        .isInstanceOf(RegistryException.class)
        .hasMessage("dataset 'intent' has no version v7 (it has [v1])");
    assertThatThrownBy(() -> store.read("latest"))
        .isInstanceOf(RegistryException.class)
        .hasMessage("'latest' is not a dataset version (expected v1, v2, ... or eval)");
    assertThatThrownBy(() -> store.readFrozenEval())
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("dataset 'intent' has no frozen evaluation set");
    assertThatThrownBy(
            () -> store.add(Dataset.of("x", SECOND.examples(), "out_of_scope"), "teacher"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("marks out-of-scope examples with 'oos'");
    assertThatThrownBy(() -> store.add(Dataset.of("empty.csv", List.of(), "oos"), "nobody"))
        .isInstanceOf(RegistryException.class)
        .hasMessage("no examples to add to dataset 'intent'");
    assertThatThrownBy(() -> DatasetStore.open(root, "../escape"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("found '../escape'");
  }
}
