package dev.scalpel.flywheel.dataset;

import dev.scalpel.core.data.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The append-only versions of one specialist's training data, and its frozen evaluation set, under
 * {@code <root>/<name>/}: {@code v1/}, {@code v2/}, ... each holding {@code examples.jsonl} (the
 * examples it adds to its parent) and {@code manifest.json} (parent, counts, SHA-256 hashes), and
 * {@code eval/} in the same layout. Versions are never changed once written; every read checks the
 * hashes, so an edited or truncated file fails with a {@link
 * dev.scalpel.core.io.ModelFormatException} instead of training a model on it.
 *
 * <p>The review queue appends labeled examples with {@link #add}; retraining reads the newest
 * version with {@link #read}.
 */
public interface DatasetStore {
  /** The dataset {@code name} under {@code root} (by default {@code <data-dir>/datasets}). */
  static DatasetStore open(Path root, String name) {
    return DirectoryDatasetStore.open(root, name);
  }

  String name();

  /** The directory holding this dataset's versions. */
  Path directory();

  /** Every version, oldest first. */
  List<DatasetVersion> versions();

  /** The newest version, if there is one. */
  Optional<DatasetVersion> latest();

  /**
   * The manifest of {@code version} ({@code v3}, or {@code eval}); a {@link
   * dev.scalpel.flywheel.RegistryException} if there is none.
   */
  DatasetVersion version(String version);

  /**
   * Appends a new version holding the newest one's examples plus {@code examples}, recording {@code
   * source} (who or what labeled them: a file, the teacher, a reviewer) as their provenance.
   */
  DatasetVersion add(Dataset examples, String source);

  /** All examples of {@code version}: its ancestors' and its own, oldest first, hashes checked. */
  Dataset read(String version);

  /** Only the examples {@code version} added to its parent, hashes checked. */
  Dataset readAdded(String version);

  /** The frozen evaluation set, if one was set. */
  Optional<DatasetVersion> frozenEval();

  /**
   * Sets the frozen evaluation set: examples that are never trained on and that every challenger is
   * judged on. It can be set once; setting the same content again changes nothing, other content is
   * refused.
   */
  DatasetVersion freezeEval(Dataset examples, String source);

  /** The frozen evaluation set's examples, hashes checked. */
  Dataset readFrozenEval();
}
