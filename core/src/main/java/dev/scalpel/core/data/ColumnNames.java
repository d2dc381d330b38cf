package dev.scalpel.core.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the text and label columns of a header by their common names, or by the names the user
 * gave.
 */
final class ColumnNames {
  static final List<String> TEXT_NAMES = List.of("text", "sentence", "utterance", "query");
  static final List<String> LABEL_NAMES = List.of("label", "intent", "category");

  private ColumnNames() {}

  static int textColumn(Path file, int line, List<String> header, ReadOptions options) {
    return find(
        file, line, header, options.explicitTextColumn(), TEXT_NAMES, "text", "--text-column");
  }

  static int labelColumn(Path file, int line, List<String> header, ReadOptions options) {
    return find(
        file, line, header, options.explicitLabelColumn(), LABEL_NAMES, "label", "--label-column");
  }

  private static int find(
      Path file,
      int line,
      List<String> header,
      Optional<String> explicit,
      List<String> commonNames,
      String role,
      String flag) {
    List<String> normalized = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    if (explicit.isPresent()) {
      int index = normalized.indexOf(explicit.get().strip().toLowerCase(Locale.ROOT));
      if (index < 0) {
        throw new DataFormatException(
            file,
            line,
            String.format(
                "no column named '%s' (given by %s); the header has %s",
                explicit.get(), flag, header));
      }
      return index;
    }
    for (String name : commonNames) {
      int index = normalized.indexOf(name);
      if (index >= 0) {
        return index;
      }
    }
    throw new DataFormatException(
        file,
        line,
        String.format(
            "no %s column: expected a header with one of %s (or name it with %s), found %s",
            role, commonNames, flag, header));
  }
}
