package dev.scalpel.flywheel.registry;

import dev.scalpel.learn.EncoderProvider;
import dev.scalpel.learn.Specialist;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The model versions of one specialist and which of them serves, under {@code <root>/<name>/} (by
 * default {@code <data-dir>/registry/<name>/}):
 *
 * <pre>
 * versions/&lt;name&gt;-&lt;n&gt;/model.scalpel   the model file
 * versions/&lt;name&gt;-&lt;n&gt;/version.json    dataset version, parent, metrics, provenance, gate report
 * champion                          the serving version and the rollback history (JSON)
 * audit.jsonl                       every promotion and rollback, who and why
 * </pre>
 *
 * <p>A version directory is filled under a hidden name and renamed into place, and the {@code
 * champion} file is replaced by rename after the new champion's model has loaded, so a crash at any
 * point leaves the previous champion serving. A gateway reads {@link #champion()} (it reads the
 * file each time) or watches the {@code champion} file, and loads {@link Champion#model()}.
 *
 * <p>Mutating methods are synchronized and take an OS lock on the directory; use one instance per
 * directory in a process.
 */
public interface ModelRegistry {
  /**
   * The registry of {@code name} under {@code root}. {@code encoders} supplies the sentence encoder
   * a model needs when a promotion checks that it loads; it is never asked for n-gram-only models.
   */
  static ModelRegistry open(Path root, String name, EncoderProvider encoders) {
    return DirectoryRegistry.open(root, name, encoders);
  }

  /** The specialists that have a registry under {@code root}, sorted. */
  static List<String> names(Path root) {
    return DirectoryRegistry.names(root);
  }

  String name();

  /** This specialist's registry directory. */
  Path directory();

  /** Every registered version, oldest first. Half-written versions are not listed. */
  List<ModelVersion> versions();

  /** The record of {@code version}; a {@link dev.scalpel.flywheel.RegistryException} if unknown. */
  ModelVersion version(String version);

  /** The model file of {@code version}. */
  Path modelPath(String version);

  /** The serving version and its model file, read from disk now; empty before the first. */
  Optional<Champion> champion();

  /** Registers a freshly trained specialist as the next version (not promoted). */
  ModelVersion add(Specialist specialist, NewVersion version);

  /** Registers an existing model file (copied in, checked first) as the next version. */
  ModelVersion importModel(Path modelFile, NewVersion version);

  /**
   * Makes {@code version} the champion if its model loads and, unless {@code force}, its gate
   * passed (or it was never gated). Every attempt is written to the audit log.
   */
  ChampionChange promote(String version, String reason, boolean force);

  /** Restores the previous champion, if its model loads. Written to the audit log. */
  ChampionChange rollback(String reason);

  /** The audit log, oldest first. */
  List<AuditEntry> audit();
}
