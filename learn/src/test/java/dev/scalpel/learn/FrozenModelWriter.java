package dev.scalpel.learn;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.DatasetReader;
import dev.scalpel.core.data.ReadOptions;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a frozen model file for {@code FrozenModelTest}: the support specialist trained on {@code
 * examples/support/train.csv} with thresholds chosen on {@code val.csv}, the built-in encoder and
 * seed 42. The validation file is copied beside it ({@code support-vN-val.csv}), so that the test
 * can check the stored validation metrics against the loaded model.
 *
 * <p>A frozen file proves that models written by an earlier build still load. So never regenerate
 * an existing one (this class refuses to overwrite): when {@code ModelFiles.FORMAT_VERSION} or the
 * model content changes, write the next file beside the old ones, commit it, and give it a test of
 * its own. From the repository root:
 *
 * <pre>
 * ./mvnw -q -B -pl learn -am install -DskipTests
 * ./mvnw -q -B -pl learn test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.scalpel.learn.FrozenModelWriter \
 *     -Dexec.args="examples/support learn/src/test/resources/frozen/support-v2.scalpel"
 * </pre>
 */
public final class FrozenModelWriter {
  static final long SEED = 42;

  private FrozenModelWriter() {}

  /** Arguments: the examples folder (with train.csv and val.csv) and the model file to write. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: FrozenModelWriter EXAMPLES_FOLDER MODEL_FILE, found " + args.length + " args");
    }
    Path examples = Path.of(args[0]);
    Path out = Path.of(args[1]);
    if (Files.exists(out)) {
      throw new IllegalArgumentException(
          out + " exists; frozen files are never regenerated, write the next version instead");
    }
    Dataset train = DatasetReader.read(examples.resolve("train.csv"), ReadOptions.defaults());
    Dataset val = DatasetReader.read(examples.resolve("val.csv"), ReadOptions.defaults());
    try (SentenceEncoder encoder = Encoders.open(EncoderSpec.DEFAULT)) {
      TrainingResult result =
          SpecialistTrainer.create(TrainOptions.defaults(SEED), encoder)
              .train(train, val, Progress.NONE);
      SpecialistFiles.save(result.specialist(), out);
    }
    // The held-out data goes along, so that the test can replay it even after the examples change.
    String name = out.getFileName().toString();
    Files.copy(
        examples.resolve("val.csv"),
        out.resolveSibling(name.substring(0, name.lastIndexOf('.')) + "-val.csv"));
    System.out.printf("wrote %s (%d bytes)%n", out, Files.size(out));
  }
}
