package dev.scalpel.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scalpel.core.Decision;
import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.DatasetReader;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.data.ReadOptions;
import dev.scalpel.core.io.ModelArtifact;
import dev.scalpel.core.io.ModelFiles;
import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.Pooling;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.learn.eval.EvalMetrics;
import dev.scalpel.learn.eval.MetricsCalculator;
import dev.scalpel.learn.features.FeatureConfig;
import dev.scalpel.learn.head.TrainerParams;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A model file written by an earlier build (model format 1, by {@link FrozenModelWriter}) must keep
 * loading and classifying as it did; damaged copies of it must fail clearly.
 */
class FrozenModelTest {
  static final String RESOURCE = "/frozen/support-v1.scalpel";

  private static final EncoderProvider NO_ENCODER =
      identity -> {
        throw new AssertionError("asked for encoder " + identity + " of a file that cannot load");
      };

  private static Path frozen;
  private static SentenceEncoder encoder;
  private static Specialist specialist;

  static Path frozenFile() {
    try {
      return Path.of(FrozenModelTest.class.getResource(RESOURCE).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void load() {
    frozen = frozenFile();
    encoder = Encoders.open(EncoderSpec.DEFAULT);
    try {
      specialist = SpecialistFiles.load(frozen, identity -> encoder);
    } catch (ModelFormatException e) {
      throw new AssertionError(
          "a model file written by an earlier build (format 1) no longer loads. Models users"
              + " already have must keep loading: a new layout needs a new"
              + " ModelFiles.FORMAT_VERSION and a reader that still reads version 1. Never"
              + " regenerate the frozen file to make this pass.",
          e);
    }
  }

  @AfterAll
  static void closeEncoder() {
    if (encoder != null) {
      encoder.close();
    }
  }

  @Test
  void isAFormatOneFile() throws IOException {
    byte[] bytes = Files.readAllBytes(frozen);

    assertThat(Arrays.copyOf(bytes, 12))
        .containsExactly('S', 'C', 'A', 'L', 'P', 'E', 'L', 0x1A, 0, 0, 0, 1);
  }

  @Test
  void keepsItsLabelsFeaturesAndEncoder() {
    ModelInfo info = SpecialistFiles.readInfo(frozen);

    assertThat(info.classes())
        .containsExactly(
            "battery_range",
            "book_repair",
            "cancel_lease",
            "cancel_order",
            "change_delivery_address",
            "charging_problem",
            "discount_code_problem",
            "invoice_request",
            "lease_plan_info",
            "oos",
            "product_availability",
            "refund_status",
            "reset_password",
            "return_item",
            "size_advice",
            "speak_to_human",
            "store_hours",
            "store_locations",
            "track_order",
            "update_payment_method",
            "warranty_claim");
    assertThat(info.oosLabel()).isEqualTo("oos");
    assertThat(info.oosClass()).isEqualTo(9);
    assertThat(info.features()).isEqualTo(new FeatureConfig(2, 3, 5, 1, 1.0, 2.0, true));
    assertThat(info.encoder())
        .isEqualTo(
            new EncoderIdentity(
                "bge-small-en-v1.5-q",
                "6c9c6101a956d62dfb5e7190c538226c0c5bb9cb27b651234b6df063ee7dbfe4",
                384,
                Pooling.CLS));
    assertThat(info.encoder()).isEqualTo(encoder.identity());
    assertThat(info.temperature()).isEqualTo(0.38729291439935337);
    assertThat(specialist.info()).isEqualTo(info);
  }

  @Test
  void keepsItsThresholds() {
    var points = specialist.info().thresholds();

    assertThat(points.oosThreshold()).isEqualTo(0.8651951551437378);
    assertThat(points.oosRule())
        .isEqualTo("most held-out OOS recall at <= 1.0 point(s) of in-scope accuracy");
    assertThat(points.abstainThreshold()).isEqualTo(0.8651951551437378);
    assertThat(points.targetPrecision()).isEqualTo(0.99);
    assertThat(points.expectedCoverage()).isEqualTo(0.975);
    assertThat(points.expectedPrecision()).isEqualTo(1.0);
    assertThat(points.curve()).hasSize(75);
    assertThat(points.curve().getFirst().threshold()).isEqualTo(0.8651951551437378);
  }

  @Test
  void keepsItsProvenance() {
    Provenance p = specialist.info().provenance();

    assertThat(p.trainSource()).isEqualTo("examples/support/train.csv");
    assertThat(p.dataSha256())
        .isEqualTo("335451d348c9c2612bafa8e638e7f242d4bfd5f32f5280cacca7458343d73d52");
    assertThat(p.trainExamples()).isEqualTo(860);
    assertThat(p.labelCounts())
        .hasSize(21)
        .containsEntry("oos", 60)
        .containsEntry("track_order", 40);
    assertThat(p.heldOut()).isEqualTo("examples/support/val.csv");
    assertThat(p.heldOutExamples()).isEqualTo(180);
    assertThat(p.trainer()).isEqualTo(new TrainerParams(15, 0.5, 1e-5, 42));
    assertThat(p.seed()).isEqualTo(42);
    assertThat(p.createdAt()).isEqualTo("2026-11-23T16:31:44.646175967Z");
    assertThat(p.scalpelVersion()).isEqualTo("0.1.0-SNAPSHOT");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          my parcel NW-73310 has not moved for days, where is it now? | track_order
          please cancel the order I placed this morning, it has not shipped yet | cancel_order
          the charger light blinks red and my battery will not charge | charging_problem
          I keep getting a wrong password error and now my account is locked | reset_password
          the promo code SPRING15 says it is invalid at checkout | discount_code_problem
          what frame size do I need if I am 1.85 m tall? | size_advice
          """)
  void answersOurOwnSupportTexts(String text, String intent) {
    Prediction p = specialist.classify(text);

    assertThat(p.label()).isEqualTo(intent);
    assertThat(p.decision()).isEqualTo(Decision.ANSWER);
    assertThat(p.confidence()).isGreaterThanOrEqualTo(0.8651951551437378);
    assertThat(p.top()).hasSize(5);
    assertThat(p.explanation()).isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          can you recommend a good pasta recipe for tonight
          who won the chess world championship in 1972?
          write me a haiku about autumn leaves
          """)
  void declaresOtherTopicsOutOfScope(String text) {
    Prediction p = specialist.classify(text);

    assertThat(p.decision()).isEqualTo(Decision.OOS);
    assertThat(p.label()).isEqualTo("oos");
  }

  @Test
  void reproducesItsStoredValidationMetrics() throws URISyntaxException {
    // The validation file it was written with, copied beside it.
    Dataset val =
        DatasetReader.read(
            Path.of(FrozenModelTest.class.getResource("/frozen/support-v1-val.csv").toURI()),
            ReadOptions.defaults());
    EvalMetrics stored = specialist.info().validation();

    EvalMetrics now =
        MetricsCalculator.compute(
            val.examples().stream().map(Example::label).toList(),
            specialist.classifyAll(val.texts(), Progress.NONE),
            val.oosLabel());

    assertThat(now.examples()).isEqualTo(stored.examples()).isEqualTo(180);
    assertThat(stored.inScopeAccuracy()).isEqualTo(0.975);
    assertThat(stored.oosRecall()).isEqualTo(1.0);
    assertThat(stored.coverage()).isEqualTo(0.975);
    // The encoder may move confidences in their last bits (vector instructions, batching), which
    // can tip an example across a threshold; anything beyond two or three of the 180 examples
    // means the loaded model no longer computes what was trained.
    assertThat(now.inScopeAccuracy()).isCloseTo(stored.inScopeAccuracy(), within(0.02));
    assertThat(now.oosRecall()).isCloseTo(stored.oosRecall(), within(0.1));
    assertThat(now.coverage()).isCloseTo(stored.coverage(), within(0.02));
    assertThat(now.inScopeAnsweredAccuracy())
        .isCloseTo(stored.inScopeAnsweredAccuracy(), within(0.02));
    assertThat(now.macroF1()).isCloseTo(stored.macroF1(), within(0.02));
    assertThat(now.ece()).isCloseTo(stored.ece(), within(0.01));
  }

  @Test
  void truncatedCopyFailsWithoutAskingForAnEncoder(@TempDir Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(frozen);
    Path file = write(dir, Arrays.copyOf(bytes, bytes.length - 1000));

    assertThatThrownBy(() -> SpecialistFiles.load(file, NO_ENCODER))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith(file + ": truncated or corrupted (checksum mismatch: expected ")
        .hasMessageEndingWith("retrain or restore the file");
  }

  @Test
  void flippedByteFailsTheChecksum(@TempDir Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(frozen);
    bytes[bytes.length / 2] ^= 0x10;
    Path file = write(dir, bytes);

    assertThatThrownBy(() -> SpecialistFiles.load(file, NO_ENCODER))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("truncated or corrupted (checksum mismatch");
    assertThatThrownBy(() -> SpecialistFiles.readInfo(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void newerFormatVersionAsksForAnUpgrade(@TempDir Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(frozen);
    ByteBuffer.wrap(bytes).putInt(8, ModelFiles.FORMAT_VERSION + 1);
    // An intact file of the newer version: its footer checksum covers the new version number.
    int footerAt = bytes.length - 12;
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, footerAt);
    ByteBuffer.wrap(bytes).putLong(footerAt + 4, crc.getValue());
    Path file = write(dir, bytes);

    assertThatThrownBy(() -> SpecialistFiles.load(file, NO_ENCODER))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(
            "%s: written by a newer Scalpel (model format %d, this version reads up to %d);"
                + " upgrade Scalpel to load it",
            file, ModelFiles.FORMAT_VERSION + 1, ModelFiles.FORMAT_VERSION);
  }

  @Test
  void otherFilesAreNotTakenForModels(@TempDir Path dir) throws IOException {
    Path csv = SupportExamples.FOLDER.resolve("val.csv");
    Path empty = write(dir, new byte[0]);

    assertThatThrownBy(() -> SpecialistFiles.load(csv, NO_ENCODER))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(
            csv
                + ": not a Scalpel model file (expected magic 5343414c50454c1a, found 746578742c6c6162)");
    assertThatThrownBy(() -> SpecialistFiles.readInfo(empty))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("not a Scalpel model file");
    assertThatThrownBy(() -> SpecialistFiles.readInfo(dir.resolve("missing.scalpel")))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(dir.resolve("missing.scalpel") + ": file not found");
  }

  @Test
  void weightsOfTheWrongSizeAreInconsistentContent(@TempDir Path dir) {
    ModelArtifact artifact = ModelFiles.read(frozen);
    Map<String, byte[]> sections = new LinkedHashMap<>(artifact.sections());
    sections.put("weights", Arrays.copyOf(artifact.section("weights"), 84));
    Path file = dir.resolve("short-weights.scalpel");
    ModelFiles.write(file, new ModelArtifact(artifact.metadataJson(), sections));

    assertThatThrownBy(() -> SpecialistFiles.load(file, identity -> encoder))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith(file + ": inconsistent model content: weights must hold ")
        .hasMessageEndingWith("found 21 and 21");
  }

  @Test
  void missingSectionIsInconsistentContent(@TempDir Path dir) {
    ModelArtifact artifact = ModelFiles.read(frozen);
    Map<String, byte[]> sections = new LinkedHashMap<>(artifact.sections());
    sections.remove("idf");
    Path file = dir.resolve("no-idf.scalpel");
    ModelFiles.write(file, new ModelArtifact(artifact.metadataJson(), sections));

    assertThatThrownBy(() -> SpecialistFiles.load(file, NO_ENCODER))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(
            file
                + ": inconsistent model content: no section 'idf' (found [vocabulary, weights,"
                + " bias])");
  }

  @Test
  void unreadableMetadataIsReported(@TempDir Path dir) {
    ModelArtifact artifact = ModelFiles.read(frozen);
    Path garbled = dir.resolve("garbled.scalpel");
    Path invalid = dir.resolve("invalid.scalpel");
    ModelFiles.write(garbled, new ModelArtifact("{\"classes\": [\"a\"", artifact.sections()));
    ModelFiles.write(
        invalid,
        new ModelArtifact(
            artifact.metadataJson().replace("\"temperature\":0.38", "\"temperature\":-0.38"),
            artifact.sections()));

    assertThatThrownBy(() -> SpecialistFiles.load(garbled, NO_ENCODER))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith(garbled + ": unreadable model metadata: ");
    assertThatThrownBy(() -> SpecialistFiles.readInfo(invalid))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith(invalid + ": unreadable model metadata: ")
        .hasMessageContaining("temperature must be > 0, found -0.38");
  }

  private static Path write(Path dir, byte[] bytes) throws IOException {
    Path file = dir.resolve("damaged.scalpel");
    Files.write(file, bytes);
    return file;
  }
}
