package dev.scalpel.flywheel.registry;

import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.embed.EncoderException;
import dev.scalpel.flywheel.DirectoryLock;
import dev.scalpel.flywheel.RegistryException;
import dev.scalpel.flywheel.SpecialistNames;
import dev.scalpel.learn.EncoderProvider;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.SpecialistFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link ModelRegistry} as a directory: versions, the champion pointer and the audit log. */
final class DirectoryRegistry implements ModelRegistry {
  private final String name;
  private final Path directory;
  private final VersionStore versions;
  private final ChampionFile championFile;
  private final AuditLog auditLog;
  private final EncoderProvider encoders;

  private DirectoryRegistry(String name, Path directory, EncoderProvider encoders) {
    this.name = name;
    this.directory = directory;
    this.versions = new VersionStore(name, directory.resolve("versions"));
    this.championFile = new ChampionFile(directory.resolve("champion"));
    this.auditLog = new AuditLog(directory.resolve("audit.jsonl"));
    this.encoders = encoders;
  }

  static DirectoryRegistry open(Path root, String name, EncoderProvider encoders) {
    return new DirectoryRegistry(
        SpecialistNames.requireValid(name),
        root.resolve(name).toAbsolutePath().normalize(),
        encoders);
  }

  static List<String> names(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(root)) {
      return entries
          .filter(p -> Files.isDirectory(p.resolve("versions")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
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
  public List<ModelVersion> versions() {
    return versions.list();
  }

  @Override
  public ModelVersion version(String version) {
    return versions.get(version);
  }

  @Override
  public Path modelPath(String version) {
    return versions.modelPath(versions.get(version).version());
  }

  @Override
  public Optional<Champion> champion() {
    return championFile
        .read()
        .map(p ->
            new Champion(
                p.champion(), versions.modelPath(p.champion()), p.history(), p.changedAt()));
  }

  @Override
  public synchronized ModelVersion add(Specialist specialist, NewVersion version) {
    try (DirectoryLock lock = DirectoryLock.acquire(directory)) {
      return versions.create(version, file -> SpecialistFiles.save(specialist, file));
    }
  }

  @Override
  public synchronized ModelVersion importModel(Path modelFile, NewVersion version) {
    SpecialistFiles.readInfo(modelFile);
    try (DirectoryLock lock = DirectoryLock.acquire(directory)) {
      return versions.create(
          version,
          file -> {
            try {
              Files.copy(modelFile, file, StandardCopyOption.REPLACE_EXISTING);
              try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(
                  "cannot copy " + modelFile + " into the registry: " + e.getMessage(), e);
            }
          });
    }
  }

  @Override
  public synchronized ChampionChange promote(String version, String reason, boolean force) {
    try (DirectoryLock lock = DirectoryLock.acquire(directory)) {
      ModelVersion target = versions.get(version);
      Optional<ChampionFile.Pointer> pointer = championFile.read();
      String current = pointer.map(ChampionFile.Pointer::champion).orElse(null);
      if (version.equals(current)) {
        return new ChampionChange.Kept(current, version, version + " is already the champion");
      }
      if (target.gateFailed() && !force) {
        return refuse(
            "promote",
            current,
            version,
            "its gate failed: "
                + String.join("; ", target.gate().reasons())
                + " (use --force to promote it anyway)");
      }
      Optional<String> unloadable = loadProblem(target);
      if (unloadable.isPresent()) {
        return refuse("promote", current, version, "its model fails to load: " + unloadable.get());
      }
      List<String> history =
          new ArrayList<>(pointer.map(ChampionFile.Pointer::history).orElse(List.of()));
      if (current != null) {
        history.add(current);
      }
      boolean forced = force && target.gateFailed();
      switchTo(version, history);
      auditLog.append(entry("promote", version, current, forced, describe(reason, forced, target)));
      return new ChampionChange.Switched("promote", current, version);
    }
  }

  @Override
  public synchronized ChampionChange rollback(String reason) {
    try (DirectoryLock lock = DirectoryLock.acquire(directory)) {
      ChampionFile.Pointer pointer =
          championFile
              .read()
              .orElseThrow(() ->
                  new RegistryException(
                      "'" + name + "' has no champion yet: nothing to roll back"));
      if (pointer.history().isEmpty()) {
        return new ChampionChange.Kept(
            pointer.champion(),
            null,
            "nothing to roll back to: " + pointer.champion() + " is the first champion");
      }
      List<String> history = new ArrayList<>(pointer.history());
      String previous = history.removeLast();
      Optional<String> unloadable = loadProblem(versions.get(previous));
      if (unloadable.isPresent()) {
        return refuse(
            "rollback",
            pointer.champion(),
            previous,
            "the previous champion's model fails to load: " + unloadable.get());
      }
      switchTo(previous, history);
      auditLog.append(entry("rollback", previous, pointer.champion(), false, reason));
      return new ChampionChange.Switched("rollback", pointer.champion(), previous);
    }
  }

  @Override
  public List<AuditEntry> audit() {
    return auditLog.read();
  }

  private void switchTo(String version, List<String> history) {
    championFile.write(
        new ChampionFile.Pointer(
            ChampionFile.Pointer.FORMAT_VERSION, version, history, Instant.now().toString()));
  }

  /** Loads the model as a gateway would; empty when it loads, else what is wrong. */
  private Optional<String> loadProblem(ModelVersion version) {
    try {
      versions.verifyModel(version);
      SpecialistFiles.load(versions.modelPath(version.version()), encoders);
      return Optional.empty();
    } catch (ModelFormatException | EncoderException | UncheckedIOException e) {
      return Optional.of(e.getMessage());
    }
  }

  private ChampionChange refuse(String action, String current, String version, String why) {
    auditLog.append(entry(action + "-refused", version, current, false, why));
    return new ChampionChange.Kept(current, version, why);
  }

  private static String describe(String reason, boolean forced, ModelVersion target) {
    if (!forced) {
      return reason;
    }
    return reason
        + " [forced past a failed gate: "
        + String.join("; ", target.gate().reasons())
        + "]";
  }

  private static AuditEntry entry(
      String action, String version, String previous, boolean forced, String reason) {
    return new AuditEntry(
        Instant.now().toString(),
        System.getProperty("user.name", "unknown"),
        action,
        version,
        previous,
        forced,
        reason == null ? "" : reason);
  }
}
