package dev.scalpel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.guard.pii.PiiEntity;
import dev.scalpel.guard.pii.PiiRedactor;
import dev.scalpel.guard.pii.PiiType;
import dev.scalpel.guard.pii.Redaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scalpel redact}: replaces personal data and secrets in the lines of stdin with typed
 * placeholders, one JSON object per input line out.
 */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    description = {
      "Redact personal data and secrets: reads lines on stdin, writes one JSON line per input line"
          + " with \"text\" (redacted) and \"entities\" ([{\"type\",\"start\",\"end\"}], offsets in"
          + " UTF-16 code units of the original text, end exclusive).",
      "A line that is a JSON object with a string \"text\" field is read as JSON Lines; any other"
          + " line is plain text. Placeholders are numbered per line: [EMAIL_1], [CREDIT_CARD_1].",
      "Types: EMAIL, PHONE, CREDIT_CARD, IBAN, US_SSN, IP_ADDRESS, SECRET."
    })
final class RedactCommand implements Callable<Integer> {
  private static final ObjectReader JSON_LINE =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Spec CommandSpec spec;

  @Option(
      names = "--types",
      split = ",",
      paramLabel = "TYPE",
      description = "Types to redact, comma-separated (default: all).")
  List<PiiType> types = new ArrayList<>();

  @Option(
      names = "--phone-region",
      split = ",",
      paramLabel = "REGION",
      defaultValue = "US",
      description =
          "Regions whose national phone formats are recognized, comma-separated ISO codes"
              + " (default: ${DEFAULT-VALUE}); numbers with a country code are always recognized.")
  List<String> phoneRegions = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PiiRedactor redactor = redactor();
    PrintWriter out = spec.commandLine().getOut();
    StrictUtf8Lines lines = new StrictUtf8Lines(System.in, "stdin");
    for (String line = lines.next(); line != null; line = lines.next()) {
      out.println(toJson(redactor.redact(textOf(line))));
      out.flush();
    }
    return 0;
  }

  private PiiRedactor redactor() {
    try {
      return PiiRedactor.create(
          types.isEmpty() ? EnumSet.allOf(PiiType.class) : EnumSet.copyOf(types), phoneRegions);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** The {@code text} of a JSON object line, else the line itself, byte for byte. */
  private static String textOf(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("{")) {
      return line;
    }
    try {
      JsonNode text = JSON_LINE.readTree(trimmed).get("text");
      return text != null && text.isTextual() ? text.asText() : line;
    } catch (JsonProcessingException e) {
      return line;
    }
  }

  private static String toJson(Redaction redaction) throws JsonProcessingException {
    ObjectNode node = Json.mapper().createObjectNode().put("text", redaction.text());
    ArrayNode entities = node.putArray("entities");
    for (PiiEntity entity : redaction.entities()) {
      entities
          .addObject()
          .put("type", entity.type().wireName())
          .put("start", entity.start())
          .put("end", entity.end());
    }
    return Json.mapper().writeValueAsString(node);
  }
}
