package dev.scalpel.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes through a temporary file and a rename, leaving nothing else behind. */
class AtomicFilesTest {
  @TempDir Path dir;

  private List<String> entries(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writeCreatesTheFileAndNothingElse() throws IOException {
    Path target = dir.resolve("model.scalpel");

    AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.readString(target)).isEqualTo("first");
    assertThat(entries(dir)).containsExactly("model.scalpel");
  }

  @Test
  void secondWriteReplacesTheContentEntirely() throws IOException {
    Path target = dir.resolve("model.scalpel");
    AtomicFiles.write(target, "a much longer first content".getBytes(StandardCharsets.UTF_8));

    AtomicFiles.write(target, "short".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.readString(target)).isEqualTo("short");
    assertThat(entries(dir)).containsExactly("model.scalpel");
  }

  @Test
  void emptyContentWritesAnEmptyFile() throws IOException {
    Path target = dir.resolve("empty.bin");
    AtomicFiles.write(target, new byte[] {1, 2, 3});

    AtomicFiles.write(target, new byte[0]);

    assertThat(Files.size(target)).isZero();
    assertThat(entries(dir)).containsExactly("empty.bin");
  }

  @Test
  void missingParentDirectoriesAreCreated() throws IOException {
    Path target = dir.resolve("models/v1/model.scalpel");

    AtomicFiles.write(target, new byte[] {42});

    assertThat(Files.readAllBytes(target)).containsExactly(42);
    assertThat(entries(target.getParent())).containsExactly("model.scalpel");
  }

  @Test
  void manyWritesLeaveOnlyTheTarget() throws IOException {
    Path target = dir.resolve("state.bin");

    for (int i = 0; i < 50; i++) {
      AtomicFiles.write(target, new byte[] {(byte) i});
    }

    assertThat(Files.readAllBytes(target)).containsExactly(49);
    assertThat(entries(dir)).containsExactly("state.bin");
  }

  @Test
  void failedRenameKeepsTheOldTargetAndRemovesTheTemporaryFile() throws IOException {
    // A non-empty directory cannot be replaced by a file, so the rename fails.
    Path target = Files.createDirectories(dir.resolve("model.scalpel"));
    Files.writeString(target.resolve("keep.txt"), "kept");

    assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot write " + target + ": ");

    assertThat(entries(dir)).containsExactly("model.scalpel");
    assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("kept");
  }
}
