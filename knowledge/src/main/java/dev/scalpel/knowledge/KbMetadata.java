package dev.scalpel.knowledge;

import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.Pooling;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an index records about itself, in the user data of its Lucene commit (so it is written in
 * the same atomic, checksummed commit as the passages): the format version, the encoder whose
 * vectors it holds, counts, when it was built and from which folder.
 *
 * @param formatVersion the layout of fields and analyzers ({@link #FORMAT_VERSION} when written)
 * @param encoder the encoder the passages were embedded with; queries must use the same
 * @param documents the number of documents indexed
 * @param passages the number of passages indexed
 * @param maxWords the passage bound the documents were split with
 * @param created when the index was committed
 * @param sourceFolder the absolute path of the folder that was indexed
 */
public record KbMetadata(
    int formatVersion,
    EncoderIdentity encoder,
    int documents,
    int passages,
    int maxWords,
    Instant created,
    String sourceFolder) {
  /** The format this build writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final String PREFIX = "scalpel.kb.";
  private static final String FORMAT = PREFIX + "format";

  public KbMetadata {
    if (formatVersion < 1) {
      throw new IllegalArgumentException("format version must be positive, found " + formatVersion);
    }
    if (encoder == null || created == null || sourceFolder == null) {
      throw new IllegalArgumentException("encoder, created and source folder are required");
    }
    if (documents < 1 || passages < 1) {
      // A document may have no passage (an empty file), but an index has at least one of each.
      throw new IllegalArgumentException(
          "expected at least one document and one passage, found "
              + documents
              + " documents and "
              + passages
              + " passages");
    }
  }

  Map<String, String> toUserData() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(FORMAT, Integer.toString(formatVersion));
    data.put(PREFIX + "encoder.name", encoder.name());
    data.put(PREFIX + "encoder.sha256", encoder.sha256());
    data.put(PREFIX + "encoder.dimension", Integer.toString(encoder.dimension()));
    data.put(PREFIX + "encoder.pooling", encoder.pooling().name());
    data.put(PREFIX + "documents", Integer.toString(documents));
    data.put(PREFIX + "passages", Integer.toString(passages));
    data.put(PREFIX + "max_words", Integer.toString(maxWords));
    data.put(PREFIX + "created", created.toString());
    data.put(PREFIX + "source_folder", sourceFolder);
    return data;
  }

  /** Reads the metadata of the index in {@code dir}; a clear error when it is not ours or newer. */
  static KbMetadata fromUserData(Path dir, Map<String, String> data) {
    String format = data.get(FORMAT);
    if (format == null) {
      throw new ModelFormatException(
          dir,
          "a Lucene index, but not a Scalpel knowledge base (no " + FORMAT + " in its commit)");
    }
    try {
      int version = Integer.parseInt(format);
      if (version > FORMAT_VERSION) {
        throw new ModelFormatException(
            dir,
            "written by a newer Scalpel (knowledge base format "
                + version
                + ", this version reads up to "
                + FORMAT_VERSION
                + "); upgrade Scalpel or re-index");
      }
      EncoderIdentity encoder =
          new EncoderIdentity(
              required(dir, data, "encoder.name"),
              required(dir, data, "encoder.sha256"),
              Integer.parseInt(required(dir, data, "encoder.dimension")),
              Pooling.valueOf(required(dir, data, "encoder.pooling")));
      return new KbMetadata(
          version,
          encoder,
          Integer.parseInt(required(dir, data, "documents")),
          Integer.parseInt(required(dir, data, "passages")),
          Integer.parseInt(required(dir, data, "max_words")),
          Instant.parse(required(dir, data, "created")),
          required(dir, data, "source_folder"));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ModelFormatException(dir, "corrupted knowledge base metadata: " + e.getMessage());
    }
  }

  private static String required(Path dir, Map<String, String> data, String key) {
    String value = data.get(PREFIX + key);
    if (value == null) {
      throw new ModelFormatException(dir, "corrupted knowledge base metadata: no " + PREFIX + key);
    }
    return value;
  }
}
