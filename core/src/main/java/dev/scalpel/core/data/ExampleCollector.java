package dev.scalpel.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gathers examples row by row, applying the checks every format shares: empty texts are skipped
 * with a warning, empty labels are errors, and at the end an empty dataset is an error and a label
 * with a single example is a warning.
 */
final class ExampleCollector {
  private final Path file;
  private final ReadOptions options;
  private final List<Example> examples = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private int emptyTexts;
  private int firstEmptyTextLine;

  ExampleCollector(Path file, ReadOptions options) {
    this.file = file;
    this.options = options;
  }

  void add(String text, String label, int line) {
    String cleanLabel = label == null ? "" : label.strip();
    if (cleanLabel.isEmpty()) {
      throw new DataFormatException(file, line, "empty label (every example needs one)");
    }
    String cleanText = text == null ? "" : text.strip();
    if (cleanText.isEmpty()) {
      if (emptyTexts++ == 0) {
        firstEmptyTextLine = line;
      }
      return;
    }
    examples.add(new Example(cleanText, cleanLabel, line));
  }

  Dataset finish() {
    if (examples.isEmpty()) {
      throw new DataFormatException(
          file, 0, "no examples found (expected at least one row with a text and a label)");
    }
    if (emptyTexts > 0) {
      warnings.add(
          String.format(
              "%s:%d: skipped %d row(s) with an empty text", file, firstEmptyTextLine, emptyTexts));
    }
    Dataset dataset = new Dataset(file.toString(), examples, options.oosLabel(), List.of());
    for (Map.Entry<String, Integer> count : dataset.labelCounts().entrySet()) {
      if (count.getValue() == 1 && !count.getKey().equals(options.oosLabel())) {
        int line =
            examples.stream()
                .filter(e -> e.label().equals(count.getKey()))
                .findFirst()
                .map(Example::line)
                .orElse(0);
        warnings.add(
            String.format(
                "%s:%d: label '%s' has only one example; its confidence cannot be calibrated well"
                    + " (add more examples)",
                file, line, count.getKey()));
      }
    }
    return new Dataset(file.toString(), examples, options.oosLabel(), warnings);
  }
}
