package dev.scalpel.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label bookkeeping of a dataset, and the out-of-scope label in particular. */
class DatasetTest {
  @TempDir Path dir;

  private static final String ROWS =
      "text,label\n"
          + "hello,greeting\n"
          + "what is the meaning of life,oos\n"
          + "hey,greeting\n"
          + "bye,farewell\n"
          + "sing me a song,oos\n"
          + "ciao,farewell\n"
          + "tell me a joke,none\n"
          + "how tall is everest,oos\n";

  @Test
  void defaultOutOfScopeLabelIsExcludedFromIntentLabels() throws IOException {
    Path file = Files.writeString(dir.resolve("train.csv"), ROWS);

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.oosLabel()).isEqualTo("oos");
    assertThat(dataset.size()).isEqualTo(8);
    assertThat(dataset.oosCount()).isEqualTo(3);
    assertThat(dataset.intentLabels()).containsExactly("farewell", "greeting", "none");
    assertThat(dataset.labelCounts())
        .containsExactly(
            entry("farewell", 2), entry("greeting", 2), entry("none", 1), entry("oos", 3));
    assertThat(dataset.isOos(new Example("sing me a song", "oos", 6))).isTrue();
    assertThat(dataset.isOos(new Example("hey", "greeting", 4))).isFalse();
  }

  @Test
  void customOutOfScopeLabelReplacesTheDefault() throws IOException {
    Path file = Files.writeString(dir.resolve("train.csv"), ROWS);

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults().withOosLabel("none"));

    assertThat(dataset.oosLabel()).isEqualTo("none");
    assertThat(dataset.oosCount()).isEqualTo(1);
    assertThat(dataset.intentLabels()).containsExactly("farewell", "greeting", "oos");
    // "none" is the out-of-scope label now, so its single example raises no warning.
    assertThat(dataset.warnings()).isEmpty();
  }

  @Test
  void datasetWithoutOutOfScopeExamplesCountsNone() {
    Dataset dataset =
        Dataset.of(
            "mem", List.of(Example.of("hello", "greeting"), Example.of("bye", "farewell")), "oos");

    assertThat(dataset.oosCount()).isZero();
    assertThat(dataset.intentLabels()).containsExactly("farewell", "greeting");
    assertThat(dataset.texts()).containsExactly("hello", "bye");
  }

  @Test
  void withExamplesKeepsTheOutOfScopeLabelAndDropsWarnings() {
    Dataset dataset =
        new Dataset(
            "all",
            List.of(Example.of("hello", "greeting"), Example.of("why", "oos")),
            "oos",
            List.of("a warning"));

    Dataset subset = dataset.withExamples("fold-1", List.of(Example.of("why", "oos")));

    assertThat(subset.source()).isEqualTo("fold-1");
    assertThat(subset.oosLabel()).isEqualTo("oos");
    assertThat(subset.oosCount()).isEqualTo(1);
    assertThat(subset.intentLabels()).isEmpty();
    assertThat(subset.warnings()).isEmpty();
  }
}
