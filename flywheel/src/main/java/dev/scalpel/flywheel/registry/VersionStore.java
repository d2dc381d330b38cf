package dev.scalpel.flywheel.registry;

import com.fasterxml.jackson.core.JacksonException;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.flywheel.RegistryException;
import dev.scalpel.flywheel.Sha256;
import dev.scalpel.flywheel.StagingDirectory;
import dev.scalpel.flywheel.StateFiles;
import dev.scalpel.flywheel.gate.MetricsSummary;
import dev.scalpel.learn.ModelInfo;
import dev.scalpel.learn.SpecialistFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@code versions/} directory: numbering, writing a version through a staging directory, and
 * reading version records back. A directory without its {@code version.json} was never registered
 * (a crash, or a copy by hand) and is left out of every listing.
 */
final class VersionStore {
  static final String MODEL = "model.scalpel";
  static final String RECORD = "version.json";

  private final String name;
  private final Path directory;

  VersionStore(String name, Path directory) {
    this.name = name;
    this.directory = directory;
  }

  List<ModelVersion> list() {
    return numbered().stream()
        .filter(p -> Files.isRegularFile(p.resolve(RECORD)))
        .map(p -> read(p.getFileName().toString()))
        .toList();
  }

  ModelVersion get(String version) {
    if (!ModelVersion.isVersionOf(name, version)) {
      throw new RegistryException(
          "'" + version + "' is not a version of '" + name + "' (expected " + name + "-<n>)");
    }
    Path dir = directory.resolve(version);
    if (!Files.isDirectory(dir)) {
      throw new RegistryException(
          "unknown version "
              + version
              + " (registered: "
              + list().stream().map(ModelVersion::version).toList()
              + ")");
    }
    if (!Files.isRegularFile(dir.resolve(RECORD))) {
      throw new RegistryException(
          version + " is incomplete (no " + RECORD + "): it was never registered; remove " + dir);
    }
    return read(version);
  }

  Path modelPath(String version) {
    return directory.resolve(version).resolve(MODEL);
  }

  /** Writes the next version: {@code writeModel} fills the model file, then the record goes in. */
  ModelVersion create(NewVersion meta, Consumer<Path> writeModel) {
    List<Path> existing = numbered();
    int number =
        existing.isEmpty()
            ? 1
            : ModelVersion.number(name, existing.getLast().getFileName().toString()) + 1;
    String version = name + "-" + number;
    try (StagingDirectory staging = StagingDirectory.create(directory.resolve(version))) {
      Path model = staging.path().resolve(MODEL);
      writeModel.accept(model);
      ModelInfo info = SpecialistFiles.readInfo(model);
      ModelVersion record =
          new ModelVersion(
              ModelVersion.FORMAT_VERSION,
              version,
              name,
              meta.parent(),
              meta.datasetVersion(),
              meta.datasetSha256(),
              Instant.now().toString(),
              Sha256.hex(StateFiles.read(model)),
              meta.settings(),
              info.validation() == null ? null : MetricsSummary.of(info.validation()),
              info.provenance(),
              meta.gate(),
              meta.note());
      AtomicFiles.write(
          staging.path().resolve(RECORD),
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
      staging.commit();
      return record;
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot encode a version record", e);
    }
  }

  /** Fails unless the model file still has the hash its record was written with. */
  void verifyModel(ModelVersion version) {
    Path model = modelPath(version.version());
    String found = Sha256.hex(StateFiles.read(model));
    if (!found.equals(version.modelSha256())) {
      throw new ModelFormatException(
          model,
          String.format(
              "changed since it was registered (version.json SHA-256 %s, file %s)",
              version.modelSha256(), found));
    }
  }

  private ModelVersion read(String version) {
    Path file = directory.resolve(version).resolve(RECORD);
    ModelVersion record =
        StateFiles.readJson(
            file, ModelVersion.class, "version record", ModelVersion.FORMAT_VERSION);
    if (!record.version().equals(version)) {
      throw new ModelFormatException(
          file, "describes version " + record.version() + ", expected " + version);
    }
    return record;
  }

  /** Version directories, complete or not, by number. */
  private List<Path> numbered() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> ModelVersion.isVersionOf(name, p.getFileName().toString()))
          .sorted(
              Comparator.comparingInt(p -> ModelVersion.number(name, p.getFileName().toString())))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }
}
