package dev.scalpel.cli;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.DatasetReader;
import dev.scalpel.core.data.ReadOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to read dataset files: column overrides and the out-of-scope label. */
final class DataOptions {
  @Option(
      names = "--text-column",
      description =
          "Column (or JSON field) holding the text; default: text, sentence, utterance or query.")
  String textColumn = "";

  @Option(
      names = "--label-column",
      description = "Column (or JSON field) holding the label; default: label, intent or category.")
  String labelColumn = "";

  @Option(
      names = "--oos-label",
      defaultValue = ReadOptions.DEFAULT_OOS_LABEL,
      description = "Label that marks out-of-scope examples (default: ${DEFAULT-VALUE}).")
  String oosLabel;

  ReadOptions readOptions() {
    return new ReadOptions(textColumn, labelColumn, oosLabel);
  }

  /** Reads a dataset and prints its warnings. */
  Dataset read(Path path, PrintWriter err) {
    Dataset dataset = DatasetReader.read(path, readOptions());
    dataset.warnings().forEach(w -> err.println("warning: " + w));
    return dataset;
  }
}
