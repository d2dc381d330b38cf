package dev.scalpel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.gateway.review.LabeledExample;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalpel review export --out FILE}. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write the items a person labeled as CSV (text,label; oos for out of scope), for 'scalpel"
            + " datasets add --data FILE --source review'. Proposals nobody confirmed are not"
            + " written, nor new:<name> labels unless --include-new.")
final class ReviewExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Option(names = "--out", required = true, description = "The CSV file to write.")
  Path out;

  @Option(names = "--include-new", description = "Also write new:<name> labels.")
  boolean includeNew;

  @Override
  public Integer call() {
    List<LabeledExample> examples =
        ReviewCommand.open(dataDir).labeledExamples(Instant.EPOCH).stream()
            .filter(e -> includeNew || !e.newIntent())
            .toList();
    CsvSchema schema =
        CsvSchema.builder().addColumn("text").addColumn("label").setUseHeader(true).build();
    List<Map<String, String>> rows =
        examples.stream().map(e -> Map.of("text", e.text().strip(), "label", e.label())).toList();
    String csv;
    try {
      // Quotes only where CSV needs them (a comma, a quote, a line break).
      csv =
          new CsvMapper()
              .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
              .writer(schema)
              .writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.write(out, csv.getBytes(StandardCharsets.UTF_8));
    spec.commandLine()
        .getOut()
        .printf(Locale.ROOT, "%d labeled examples written to %s%n", examples.size(), out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
