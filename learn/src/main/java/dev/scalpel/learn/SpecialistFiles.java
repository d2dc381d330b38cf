package dev.scalpel.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scalpel.core.io.FloatArrays;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.io.ModelArtifact;
import dev.scalpel.core.io.ModelFiles;
import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.learn.features.Featurizer;
import dev.scalpel.learn.features.Vocabulary;
import dev.scalpel.learn.head.LinearHead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves specialists to model files and loads them back, checking format, checksum and encoder
 * identity.
 */
public final class SpecialistFiles {
  private static final String VOCABULARY = "vocabulary";
  private static final String IDF = "idf";
  private static final String WEIGHTS = "weights";
  private static final String BIAS = "bias";

  private SpecialistFiles() {}

  /** Writes {@code specialist} to {@code file} atomically. */
  public static void save(Specialist specialist, Path file) {
    LinearSpecialist linear = (LinearSpecialist) specialist;
    Map<String, byte[]> sections = new LinkedHashMap<>();
    sections.put(
        VOCABULARY,
        String.join("\n", linear.featurizer().vocabulary().terms())
            .getBytes(StandardCharsets.UTF_8));
    sections.put(IDF, FloatArrays.toBytes(linear.featurizer().vocabulary().idfs()));
    sections.put(WEIGHTS, FloatArrays.toBytes(linear.head().weights()));
    sections.put(BIAS, FloatArrays.toBytes(linear.head().bias()));
    try {
      ModelFiles.write(
          file, new ModelArtifact(Json.mapper().writeValueAsString(linear.info()), sections));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode model metadata", e);
    }
  }

  /** Reads only the metadata (no encoder needed), for {@code inspect}. */
  public static ModelInfo readInfo(Path file) {
    return info(file, ModelFiles.read(file));
  }

  /**
   * Loads a specialist, asking {@code encoders} for the encoder it was trained with when it uses
   * one. The encoder stays the caller's: several specialists may share one, and the caller closes
   * it, also when loading fails.
   */
  public static Specialist load(Path file, EncoderProvider encoders) {
    ModelArtifact artifact = ModelFiles.read(file);
    ModelInfo info = info(file, artifact);
    SentenceEncoder encoder = null;
    try {
      String[] terms = vocabularyTerms(artifact.section(VOCABULARY));
      Vocabulary vocabulary = Vocabulary.of(terms, FloatArrays.fromBytes(artifact.section(IDF)));
      int dimension = 0;
      if (info.encoderIdentity().isPresent()) {
        EncoderIdentity expected = info.encoderIdentity().get();
        encoder = encoders.encoderFor(expected);
        EncoderIdentity found = encoder.identity();
        if (!found.sha256().equals(expected.sha256())
            || found.dimension() != expected.dimension()) {
          throw new ModelFormatException(
              file,
              String.format(
                  "trained with encoder %s (sha256 %s..., %d dimensions), but the available encoder is %s"
                      + " (sha256 %s..., %d dimensions); load it with the encoder it was trained with or retrain",
                  expected.name(),
                  expected.sha256().substring(0, 12),
                  expected.dimension(),
                  found.name(),
                  found.sha256().substring(0, 12),
                  found.dimension()));
        }
        dimension = expected.dimension();
      }
      Featurizer featurizer = new Featurizer(info.features(), vocabulary, dimension);
      LinearHead head =
          new LinearHead(
              featurizer.dimension(),
              info.classes().size(),
              FloatArrays.fromBytes(artifact.section(WEIGHTS)),
              FloatArrays.fromBytes(artifact.section(BIAS)));
      return new LinearSpecialist(info, featurizer, head, encoder);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file, "inconsistent model content: " + e.getMessage());
    }
  }

  private static String[] vocabularyTerms(byte[] section) {
    if (section.length == 0) {
      return new String[0];
    }
    return new String(section, StandardCharsets.UTF_8).split("\n", -1);
  }

  private static ModelInfo info(Path file, ModelArtifact artifact) {
    try {
      return Json.mapper().readValue(artifact.metadataJson(), ModelInfo.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ModelFormatException(file, "unreadable model metadata: " + e.getMessage());
    }
  }
}
