package dev.scalpel.core.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** CSV or TSV with a header row (RFC 4180 quoting). */
final class DelimitedFormat {
  private static final CsvMapper MAPPER = new CsvMapper();

  private DelimitedFormat() {}

  static Dataset read(Path file, String content, char separator, ReadOptions options) {
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
    ExampleCollector collector = new ExampleCollector(file, options);
    int line = 1;
    try (MappingIterator<String[]> rows =
        MAPPER
            .readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(schema)
            .readValues(content)) {
      List<String> header = null;
      int textColumn = -1;
      int labelColumn = -1;
      while (rows.hasNextValue()) {
        String[] row = rows.nextValue();
        int rowLine = line;
        line = (int) rows.getCurrentLocation().getLineNr();
        if (row.length == 0 || (row.length == 1 && row[0].isBlank())) {
          continue;
        }
        if (header == null) {
          header = Arrays.asList(row);
          textColumn = ColumnNames.textColumn(file, rowLine, header, options);
          labelColumn = ColumnNames.labelColumn(file, rowLine, header, options);
          continue;
        }
        if (row.length != header.size()) {
          throw new DataFormatException(
              file,
              rowLine,
              String.format(
                  "ragged row (expected %d columns as in the header, found %d)%s",
                  header.size(), row.length, separatorHint(separator, row.length, header.size())));
        }
        collector.add(row[textColumn], row[labelColumn], rowLine);
      }
      if (header == null) {
        throw new DataFormatException(file, 0, "empty file (expected a header row, then examples)");
      }
    } catch (JacksonException e) {
      int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      throw new DataFormatException(
          file, at, "malformed " + kind(separator) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DataFormatException(
          file, line, "unreadable " + kind(separator) + ": " + e.getMessage());
    }
    return collector.finish();
  }

  private static String separatorHint(char separator, int found, int expected) {
    if (separator == ',' && found > expected) {
      return "; quote texts that contain commas: \"like, this\"";
    }
    return "";
  }

  private static String kind(char separator) {
    return separator == '\t' ? "TSV" : "CSV";
  }
}
