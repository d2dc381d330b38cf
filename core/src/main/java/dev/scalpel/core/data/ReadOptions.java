package dev.scalpel.core.data;

import java.util.Optional;

/**
 * How to read a dataset: which columns (or JSON fields) hold the text and the label, and which
 * label marks out-of-scope examples. Empty column names mean "find it by its common names".
 */
public record ReadOptions(String textColumn, String labelColumn, String oosLabel) {
  public static final String DEFAULT_OOS_LABEL = "oos";

  public ReadOptions {
    if (textColumn == null || labelColumn == null) {
      throw new IllegalArgumentException(
          "column names must not be null (use \"\" for automatic detection)");
    }
    if (oosLabel == null || oosLabel.isBlank()) {
      throw new IllegalArgumentException("the out-of-scope label must not be blank");
    }
  }

  /** Automatic column detection and the default out-of-scope label {@value #DEFAULT_OOS_LABEL}. */
  public static ReadOptions defaults() {
    return new ReadOptions("", "", DEFAULT_OOS_LABEL);
  }

  public ReadOptions withTextColumn(String name) {
    return new ReadOptions(name, labelColumn, oosLabel);
  }

  public ReadOptions withLabelColumn(String name) {
    return new ReadOptions(textColumn, name, oosLabel);
  }

  public ReadOptions withOosLabel(String label) {
    return new ReadOptions(textColumn, labelColumn, label);
  }

  /** The text column the user named, if any. */
  public Optional<String> explicitTextColumn() {
    return textColumn.isEmpty() ? Optional.empty() : Optional.of(textColumn);
  }

  /** The label column the user named, if any. */
  public Optional<String> explicitLabelColumn() {
    return labelColumn.isEmpty() ? Optional.empty() : Optional.of(labelColumn);
  }
}
