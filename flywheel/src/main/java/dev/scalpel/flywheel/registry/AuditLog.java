package dev.scalpel.flywheel.registry;

import com.fasterxml.jackson.core.JacksonException;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.io.ModelFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit trail of champion changes, one JSON object per line, each forced to disk
 * before the change it records is reported done.
 */
final class AuditLog {
  private final Path file;

  AuditLog(Path file) {
    this.file = file;
  }

  void append(AuditEntry entry) {
    try {
      byte[] line =
          (Json.mapper().writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
    }
  }

  List<AuditEntry> read() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<AuditEntry> entries = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        try {
          entries.add(Json.mapper().readValue(lines.get(i), AuditEntry.class));
        } catch (JacksonException e) {
          throw new ModelFormatException(file, "line " + (i + 1) + ": unreadable audit entry");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return entries;
  }
}
