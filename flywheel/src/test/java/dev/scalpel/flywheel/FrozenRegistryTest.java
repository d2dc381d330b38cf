package dev.scalpel.flywheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.flywheel.dataset.DatasetStore;
import dev.scalpel.flywheel.dataset.DatasetVersion;
import dev.scalpel.flywheel.registry.Champion;
import dev.scalpel.flywheel.registry.ModelRegistry;
import dev.scalpel.flywheel.registry.ModelVersion;
import dev.scalpel.learn.SpecialistFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written by format version 1 of the dataset manifest, the version record and the
 * champion pointer ({@link FrozenRegistryWriter}) still reads, hashes the same, and serves.
 */
class FrozenRegistryTest {
  private static final Path FROZEN = Path.of("src/test/resources/frozen/data-v1");

  @TempDir Path dataDir;

  @BeforeEach
  void copyTheFrozenDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(FROZEN)) {
      for (Path source : files.toList()) {
        Path target = dataDir.resolve(FROZEN.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void datasetVersionsStillReadAndHashTheSame(@TempDir Path fresh) {
    DatasetStore frozen = DatasetStore.open(dataDir.resolve("datasets"), "intent");

    assertThat(frozen.versions()).extracting(DatasetVersion::version).containsExactly("v1", "v2");
    Dataset all = frozen.read("v2");
    assertThat(all.size()).isEqualTo(9);
    assertThat(all.texts().getFirst()).isEqualTo("where is my parcel");
    assertThat(frozen.readFrozenEval().size()).isEqualTo(3);

    DatasetStore again = DatasetStore.open(fresh, "intent");
    again.add(Dataset.of("a", FrozenRegistryWriter.FIRST, "oos"), "elsewhere");
    DatasetVersion v2 = again.add(Dataset.of("b", FrozenRegistryWriter.SECOND, "oos"), "x");
    assertThat(v2.sha256()).isEqualTo(frozen.version("v2").sha256());
    assertThat(v2.examplesSha256()).isEqualTo(frozen.version("v2").examplesSha256());
  }

  @Test
  void theRegistryStillReadsAndItsChampionServes() {
    ModelRegistry registry =
        ModelRegistry.open(dataDir.resolve("registry"), "intent", SupportData.NO_ENCODER);

    Champion champion = registry.champion().orElseThrow();
    ModelVersion record = registry.version("intent-1");

    assertThat(champion.version()).isEqualTo("intent-1");
    assertThat(champion.history()).isEmpty();
    assertThat(record.datasetVersion()).isEqualTo("v1");
    assertThat(record.settings()).isEqualTo(SupportData.options());
    assertThat(record.provenance().trainExamples()).isEqualTo(7);
    assertThat(registry.audit()).hasSize(1);
    assertThat(
            SpecialistFiles.load(champion.model(), SupportData.NO_ENCODER)
                .classify("where is my parcel")
                .topLabel())
        .isEqualTo("track_order");
  }

  @Test
  void filesOfANewerFormatFailClearly() throws IOException {
    Path manifest = dataDir.resolve("datasets/intent/v1/manifest.json");
    Files.writeString(
        manifest,
        Files.readString(manifest).replace("\"format_version\" : 1", "\"format_version\" : 2"));
    Path pointer = dataDir.resolve("registry/intent/champion");
    Files.writeString(
        pointer,
        Files.readString(pointer).replace("\"format_version\" : 1", "\"format_version\" : 7"));

    assertThatThrownBy(() -> DatasetStore.open(dataDir.resolve("datasets"), "intent").read("v2"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(
            manifest.toAbsolutePath()
                + ": written by a newer Scalpel (dataset manifest format 2, this version reads up"
                + " to 1)");
    assertThatThrownBy(() ->
            ModelRegistry.open(dataDir.resolve("registry"), "intent", SupportData.NO_ENCODER)
                .champion())
        .isInstanceOf(ModelFormatException.class)
        .hasMessageEndingWith(
            "champion: written by a newer Scalpel (champion pointer format 7, this version reads up"
                + " to 1)");
  }
}
