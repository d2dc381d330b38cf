package dev.scalpel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.io.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Converts the public datasets' own layouts (read by path from the shared datasets folder, never
 * copied into the project) into files {@code scalpel train} reads.
 */
public final class PublicDatasets {
  private PublicDatasets() {}

  /**
   * The three CLINC150 "Full" splits, each with its out-of-scope split appended under the label
   * {@code oos}.
   */
  public record ClincSplits(Path train, Path val, Path test) {}

  public static ClincSplits clincFull(Path datasets, Path work) throws IOException {
    Path source = datasets.resolve("clinc150").resolve("data_full.json");
    if (!Files.isRegularFile(source)) {
      throw new IllegalArgumentException(
          source + " not found: pass --datasets pointing at the shared datasets folder");
    }
    JsonNode root = Json.mapper().readTree(source.toFile());
    Files.createDirectories(work);
    return new ClincSplits(
        writeJsonl(root, List.of("train", "oos_train"), work.resolve("clinc-train.jsonl")),
        writeJsonl(root, List.of("val", "oos_val"), work.resolve("clinc-val.jsonl")),
        writeJsonl(root, List.of("test", "oos_test"), work.resolve("clinc-test.jsonl")));
  }

  /** BANKING77's CSV files are read as they are (columns text, category). */
  static Path banking77(Path datasets, String split) {
    Path file = datasets.resolve("banking77").resolve(split + ".csv");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          file + " not found: pass --datasets pointing at the shared datasets folder");
    }
    return file;
  }

  private static Path writeJsonl(JsonNode root, List<String> splits, Path out) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (String split : splits) {
        for (JsonNode pair : root.get(split)) {
          writer.write(
              Json.mapper()
                  .writeValueAsString(
                      Json.mapper()
                          .createObjectNode()
                          .put("text", pair.get(0).asText())
                          .put("label", pair.get(1).asText())));
          writer.newLine();
        }
      }
    }
    return out;
  }
}
