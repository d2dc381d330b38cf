package dev.scalpel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.learn.Prediction;
import dev.scalpel.learn.Specialist;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scalpel predict}: classifies texts given as arguments or on stdin, one JSON object per
 * line out.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Classify texts with a specialist; prints one JSON line per text with label, confidence, top, decision and"
          + " explanation.",
      "Without TEXT arguments, reads stdin: one text per line, or JSON lines with a \"text\" field."
    })
final class PredictCommand implements Callable<Integer> {
  private static final int BATCH = 256;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "TEXT", description = "Texts to classify.")
  List<String> texts = new ArrayList<>();

  @Option(
      names = "--batch-size",
      defaultValue = "256",
      description = "Texts embedded together from stdin.")
  int batchSize = BATCH;

  @Mixin ModelOptions modelOptions;

  @Override
  public Integer call() throws IOException {
    Specialist specialist = modelOptions.load();
    PrintWriter out = spec.commandLine().getOut();
    if (!texts.isEmpty()) {
      write(out, texts, specialist.classifyAll(texts, Progress.NONE));
      return 0;
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<String> batch = new ArrayList<>();
    int lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      String text = textOf(line, lineNumber);
      if (text.isBlank()) {
        continue;
      }
      batch.add(text);
      if (batch.size() >= Math.max(1, batchSize)) {
        write(out, batch, specialist.classifyAll(batch, Progress.NONE));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      write(out, batch, specialist.classifyAll(batch, Progress.NONE));
    }
    return 0;
  }

  private static String textOf(String line, int lineNumber) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("{")) {
      return trimmed;
    }
    try {
      JsonNode node = Json.mapper().readTree(trimmed);
      JsonNode text = node.get("text");
      if (text == null || !text.isTextual()) {
        throw new CliException(
            "stdin:" + lineNumber + ": expected a JSON object with a string \"text\" field");
      }
      return text.asText();
    } catch (JsonProcessingException e) {
      return trimmed;
    }
  }

  private static void write(PrintWriter out, List<String> texts, List<Prediction> predictions) {
    for (int i = 0; i < texts.size(); i++) {
      ObjectNode node = Json.mapper().valueToTree(predictions.get(i));
      ObjectNode line = Json.mapper().createObjectNode().put("text", texts.get(i));
      line.setAll(node);
      line.put("decision", predictions.get(i).decision().wireName());
      try {
        out.println(Json.mapper().writeValueAsString(line));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.flush();
  }
}
