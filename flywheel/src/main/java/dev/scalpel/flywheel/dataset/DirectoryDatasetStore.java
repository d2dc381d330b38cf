package dev.scalpel.flywheel.dataset;

import com.fasterxml.jackson.core.JacksonException;
import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.flywheel.DirectoryLock;
import dev.scalpel.flywheel.RegistryException;
import dev.scalpel.flywheel.Sha256;
import dev.scalpel.flywheel.SpecialistNames;
import dev.scalpel.flywheel.StagingDirectory;
import dev.scalpel.flywheel.StateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link DatasetStore} as a directory of version directories. */
final class DirectoryDatasetStore implements DatasetStore {
  private static final String EXAMPLES = "examples.jsonl";
  private static final String MANIFEST = "manifest.json";

  private final String name;
  private final Path directory;

  private DirectoryDatasetStore(String name, Path directory) {
    this.name = name;
    this.directory = directory;
  }

  static DirectoryDatasetStore open(Path root, String name) {
    return new DirectoryDatasetStore(
        SpecialistNames.requireValid(name), root.resolve(name).toAbsolutePath().normalize());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public List<DatasetVersion> versions() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> p.getFileName().toString().matches("v[1-9][0-9]*"))
          .map(p -> manifest(p.getFileName().toString()))
          .sorted(Comparator.comparingInt(DatasetVersion::number))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<DatasetVersion> latest() {
    List<DatasetVersion> versions = versions();
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
  }

  @Override
  public DatasetVersion version(String version) {
    if (!version.equals(DatasetVersion.FROZEN_EVAL) && !version.matches("v[1-9][0-9]*")) {
      throw new RegistryException(
          "'" + version + "' is not a dataset version (expected v1, v2, ... or eval)");
    }
    if (!Files.isDirectory(directory.resolve(version))) {
      throw new RegistryException(
          "dataset '"
              + name
              + "' has no version "
              + version
              + " (it has "
              + versions().stream().map(DatasetVersion::version).toList()
              + ")");
    }
    return manifest(version);
  }

  @Override
  public DatasetVersion add(Dataset examples, String source) {
    try (DirectoryLock lock = DirectoryLock.acquire(directory)) {
      Optional<DatasetVersion> parent = latest();
      if (parent.isPresent() && !parent.get().oosLabel().equals(examples.oosLabel())) {
        throw new RegistryException(
            String.format(
                "dataset '%s' marks out-of-scope examples with '%s', these examples with '%s'"
                    + " (pass --oos-label %s)",
                name, parent.get().oosLabel(), examples.oosLabel(), parent.get().oosLabel()));
      }
      int number = parent.map(DatasetVersion::number).orElse(0) + 1;
      return write(
          DatasetVersion.id(number),
          parent.orElse(null),
          examples,
          source,
          parent.map(DatasetVersion::total).orElse(0));
    }
  }

  @Override
  public Dataset read(String version) {
    DatasetVersion target = version(version);
    List<Example> all = new ArrayList<>();
    String parentHash = null;
    String parentId = null;
    for (DatasetVersion v : versions()) {
      if (v.number() > target.number()) {
        break;
      }
      if (!Objects.equals(v.parent(), parentId)) {
        throw new ModelFormatException(
            directory.resolve(v.version()).resolve(MANIFEST),
            "broken version chain (expected parent " + parentId + ", found " + v.parent() + ")");
      }
      all.addAll(verifiedExamples(v, parentHash));
      parentHash = v.sha256();
      parentId = v.version();
    }
    return Dataset.of(name + "@" + version, all, target.oosLabel());
  }

  @Override
  public Dataset readAdded(String version) {
    DatasetVersion v = version(version);
    String parentHash = v.parent() == null ? null : version(v.parent()).sha256();
    return Dataset.of(
        name + "@" + version + " (added)", verifiedExamples(v, parentHash), v.oosLabel());
  }

  @Override
  public Optional<DatasetVersion> frozenEval() {
    return Files.isDirectory(directory.resolve(DatasetVersion.FROZEN_EVAL))
        ? Optional.of(manifest(DatasetVersion.FROZEN_EVAL))
        : Optional.empty();
  }

  @Override
  public DatasetVersion freezeEval(Dataset examples, String source) {
    try (DirectoryLock lock = DirectoryLock.acquire(directory)) {
      Optional<DatasetVersion> existing = frozenEval();
      String hash = chainHash(null, Sha256.hex(ExamplesFile.encode(examples.examples())));
      if (existing.isPresent()) {
        if (existing.get().sha256().equals(hash)) {
          return existing.get();
        }
        throw new RegistryException(
            String.format(
                "dataset '%s' already has a frozen evaluation set (%d examples from %s, sha256 %s...);"
                    + " it never changes, so that every model is judged on the same examples",
                name,
                existing.get().total(),
                existing.get().source(),
                existing.get().sha256().substring(0, 12)));
      }
      return write(DatasetVersion.FROZEN_EVAL, null, examples, source, 0);
    }
  }

  @Override
  public Dataset readFrozenEval() {
    DatasetVersion eval =
        frozenEval()
            .orElseThrow(() ->
                new RegistryException(
                    "dataset '"
                        + name
                        + "' has no frozen evaluation set: set one with 'scalpel datasets"
                        + " set-eval --name "
                        + name
                        + " --data val.csv'"));
    return Dataset.of(
        name + "@" + DatasetVersion.FROZEN_EVAL, verifiedExamples(eval, null), eval.oosLabel());
  }

  private DatasetVersion write(
      String id, DatasetVersion parent, Dataset examples, String source, int parentTotal) {
    if (examples.size() == 0) {
      throw new RegistryException("no examples to add to dataset '" + name + "'");
    }
    byte[] bytes = ExamplesFile.encode(examples.examples());
    String examplesHash = Sha256.hex(bytes);
    DatasetVersion manifest =
        new DatasetVersion(
            DatasetVersion.FORMAT_VERSION,
            name,
            id,
            parent == null ? null : parent.version(),
            source,
            Instant.now().toString(),
            examples.oosLabel(),
            examples.size(),
            parentTotal + examples.size(),
            examples.labelCounts(),
            examplesHash,
            chainHash(parent == null ? null : parent.sha256(), examplesHash));
    try (StagingDirectory staging = StagingDirectory.create(directory.resolve(id))) {
      AtomicFiles.write(staging.path().resolve(EXAMPLES), bytes);
      AtomicFiles.write(
          staging.path().resolve(MANIFEST),
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
      staging.commit();
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot encode a dataset manifest", e);
    }
    return manifest;
  }

  private List<Example> verifiedExamples(DatasetVersion v, String parentHash) {
    Path file = directory.resolve(v.version()).resolve(EXAMPLES);
    byte[] bytes = StateFiles.read(file);
    String found = Sha256.hex(bytes);
    if (!found.equals(v.examplesSha256())) {
      throw new ModelFormatException(
          file,
          String.format(
              "changed after it was written (manifest SHA-256 %s, file %s); dataset versions are"
                  + " append-only: restore the file, or add the changes as a new version",
              v.examplesSha256(), found));
    }
    String chained = chainHash(parentHash, found);
    if (!chained.equals(v.sha256())) {
      throw new ModelFormatException(
          directory.resolve(v.version()).resolve(MANIFEST),
          String.format(
              "version hash does not match its parent and examples (expected %s, found %s)",
              chained, v.sha256()));
    }
    List<Example> examples = ExamplesFile.decode(file, bytes);
    if (examples.size() != v.added()) {
      throw new ModelFormatException(
          file,
          "expected " + v.added() + " examples as the manifest says, found " + examples.size());
    }
    return examples;
  }

  private DatasetVersion manifest(String id) {
    Path file = directory.resolve(id).resolve(MANIFEST);
    DatasetVersion manifest =
        StateFiles.readJson(
            file, DatasetVersion.class, "dataset manifest", DatasetVersion.FORMAT_VERSION);
    if (!manifest.version().equals(id) || !manifest.name().equals(name)) {
      throw new ModelFormatException(
          file,
          "describes "
              + manifest.name()
              + "@"
              + manifest.version()
              + ", expected "
              + name
              + "@"
              + id);
    }
    return manifest;
  }

  /** The hash of a version: its examples' hash chained to its parent's version hash. */
  private static String chainHash(String parentHash, String examplesHash) {
    return Sha256.hex(
        ((parentHash == null ? "" : parentHash) + "\n" + examplesHash)
            .getBytes(StandardCharsets.UTF_8));
  }
}
