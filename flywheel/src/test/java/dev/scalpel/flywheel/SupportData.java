package dev.scalpel.flywheel;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.DatasetReader;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.data.ReadOptions;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.learn.EncoderProvider;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.SpecialistTrainer;
import dev.scalpel.learn.TrainOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The repository's example support data and n-gram-only specialists trained on it: the encoder is
 * not what these tests are about, and without it a model trains in well under a second.
 */
public final class SupportData {
  public static final Path FOLDER = Path.of("../examples/support");

  /** For registries whose models use no encoder: asking for one is a bug in the test. */
  public static final EncoderProvider NO_ENCODER =
      identity -> {
        throw new AssertionError("an n-gram-only model asked for an encoder");
      };

  private SupportData() {}

  public static Dataset read(String file) {
    return DatasetReader.read(FOLDER.resolve(file), ReadOptions.defaults());
  }

  public static TrainOptions options() {
    TrainOptions defaults = TrainOptions.defaults(42);
    return defaults.withFeatures(defaults.features().withoutEmbeddings());
  }

  public static Specialist train(Dataset train, Dataset validation) {
    return SpecialistTrainer.withoutEmbeddings(options())
        .train(train, validation, Progress.NONE)
        .specialist();
  }

  /** Every other example: a smaller training set for a starting model. */
  public static Dataset half(Dataset data, int parity) {
    List<Example> kept = new ArrayList<>();
    for (int i = parity; i < data.size(); i += 2) {
      kept.add(data.examples().get(i));
    }
    return data.withExamples(data.source() + " (half " + parity + ")", kept);
  }

  /** The same texts with their labels shuffled: data that teaches a model nothing but noise. */
  public static Dataset shuffledLabels(Dataset data, long seed) {
    List<String> labels = new ArrayList<>(data.examples().stream().map(Example::label).toList());
    Collections.shuffle(labels, new Random(seed));
    List<Example> shuffled = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      shuffled.add(Example.of(data.examples().get(i).text(), labels.get(i)));
    }
    return data.withExamples(data.source() + " (shuffled labels)", shuffled);
  }
}
