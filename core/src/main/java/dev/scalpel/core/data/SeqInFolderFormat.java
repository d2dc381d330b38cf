package dev.scalpel.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A folder with line-aligned {@code seq.in} (texts) and {@code label} (labels) files. */
final class SeqInFolderFormat {
  private SeqInFolderFormat() {}

  static Dataset read(Path folder, ReadOptions options) {
    Path texts = folder.resolve("seq.in");
    Path labels = folder.resolve("label");
    for (Path required : List.of(texts, labels)) {
      if (!Files.isRegularFile(required)) {
        throw new DataFormatException(
            folder,
            0,
            "a dataset folder needs the line-aligned files seq.in and label; missing "
                + required.getFileName());
      }
    }
    List<String> textLines = lines(StrictUtf8.read(texts));
    List<String> labelLines = lines(StrictUtf8.read(labels));
    if (textLines.size() != labelLines.size()) {
      throw new DataFormatException(
          labels,
          Math.min(textLines.size(), labelLines.size()) + 1,
          String.format(
              "seq.in has %d lines but label has %d (expected one label per text line)",
              textLines.size(), labelLines.size()));
    }
    ExampleCollector collector = new ExampleCollector(texts, options);
    for (int i = 0; i < textLines.size(); i++) {
      if (textLines.get(i).isBlank() && labelLines.get(i).isBlank()) {
        continue;
      }
      collector.add(textLines.get(i), labelLines.get(i), i + 1);
    }
    return collector.finish();
  }

  private static List<String> lines(String content) {
    List<String> lines = content.lines().toList();
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return lines.subList(0, end);
  }
}
