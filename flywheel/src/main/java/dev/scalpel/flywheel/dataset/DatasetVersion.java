package dev.scalpel.flywheel.dataset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.scalpel.flywheel.StateFiles;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manifest of one dataset version ({@code manifest.json} next to its {@code examples.jsonl}): a
 * version is its parent plus the examples it adds. {@code examplesSha256} is the SHA-256 of the
 * examples file; {@code sha256} chains it to the parent's, so it identifies the whole content of
 * the version (the same examples added in the same order give the same hashes, whenever and
 * wherever). {@code parent} is {@code null} for the first version and for the frozen evaluation
 * set; {@code createdAt} is not hashed.
 */
public record DatasetVersion(
    int formatVersion,
    String name,
    String version,
    String parent,
    String source,
    String createdAt,
    String oosLabel,
    int added,
    int total,
    Map<String, Integer> addedLabelCounts,
    String examplesSha256,
    String sha256)
    implements StateFiles.Versioned {
  /** The manifest format this build writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** The version id of the frozen evaluation set. */
  public static final String FROZEN_EVAL = "eval";

  public DatasetVersion {
    if (version == null || !(version.equals(FROZEN_EVAL) || version.matches("v[1-9][0-9]*"))) {
      throw new IllegalArgumentException(
          "dataset version must be v1, v2, ... or " + FROZEN_EVAL + ", found " + version);
    }
    if (added < 0 || total < added) {
      throw new IllegalArgumentException(
          "counts must satisfy 0 <= added <= total, found " + added + ", " + total);
    }
    for (String hash : new String[] {examplesSha256, sha256}) {
      if (hash == null || !hash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("expected a SHA-256 in hex, found " + hash);
      }
    }
    addedLabelCounts = Collections.unmodifiableMap(new TreeMap<>(addedLabelCounts));
  }

  /** The version number (1 for {@code v1}), or 0 for the frozen evaluation set. */
  @JsonIgnore
  public int number() {
    return version.equals(FROZEN_EVAL) ? 0 : Integer.parseInt(version.substring(1));
  }

  /** The id of version number {@code n}. */
  public static String id(int n) {
    return "v" + n;
  }
}
