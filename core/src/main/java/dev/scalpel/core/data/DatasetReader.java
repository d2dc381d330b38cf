package dev.scalpel.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a labeled dataset from CSV/TSV with a header, JSON Lines, or a folder in the line-aligned
 * {@code seq.in} + {@code label} layout. The format is detected from the extension, else from the
 * content.
 */
public final class DatasetReader {
  private DatasetReader() {}

  /**
   * Reads {@code path} or throws a {@link DataFormatException} naming the file, line and problem.
   */
  public static Dataset read(Path path, ReadOptions options) {
    if (Files.isDirectory(path)) {
      return SeqInFolderFormat.read(path, options);
    }
    if (!Files.exists(path)) {
      throw new DataFormatException(path, 0, "file not found");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JsonLinesFormat.read(path, StrictUtf8.read(path), options);
    }
    if (name.endsWith(".tsv") || name.endsWith(".tab")) {
      return DelimitedFormat.read(path, StrictUtf8.read(path), '\t', options);
    }
    if (name.endsWith(".csv")) {
      return DelimitedFormat.read(path, StrictUtf8.read(path), ',', options);
    }
    String content = StrictUtf8.read(path);
    String firstLine = content.strip().lines().findFirst().orElse("");
    if (firstLine.startsWith("{")) {
      return JsonLinesFormat.read(path, content, options);
    }
    return DelimitedFormat.read(path, content, firstLine.contains("\t") ? '\t' : ',', options);
  }
}
