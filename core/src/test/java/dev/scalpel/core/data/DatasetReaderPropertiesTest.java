package dev.scalpel.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes a user hands us, the reader either returns a dataset or throws a {@link
 * DataFormatException} naming the file; never another exception.
 */
class DatasetReaderPropertiesTest {
  private static final List<String> NAMES =
      List.of("train.csv", "train.tsv", "train.jsonl", "train");

  /** Characters that carry meaning in one of the formats, plus text, space and odd code points. */
  private static final String SPECIAL = "\"',;\t\n\r{}[]:\\ \u00a0\u00e9\u20ac\uFEFF\u0000";

  @Property(tries = 300)
  void randomBytesAreReadOrRefusedCleanly(@ForAll @Size(max = 400) byte[] content)
      throws IOException {
    readInEveryFormat(content);
  }

  @Property(tries = 300)
  void randomTextIsReadOrRefusedCleanly(@ForAll("garbageText") String content) throws IOException {
    readInEveryFormat(content.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void validHeadFollowedByGarbageIsReadOrRefusedCleanly(
      @ForAll("validHead") String head, @ForAll("garbageText") String tail) throws IOException {
    readInEveryFormat((head + tail).getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void jsonTokenSoupIsReadOrRefusedCleanly(@ForAll("jsonTokenSoup") String content)
      throws IOException {
    readInEveryFormat(content.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void seqInFolderOfGarbageIsReadOrRefusedCleanly(
      @ForAll("garbageText") String texts, @ForAll("garbageText") String labels)
      throws IOException {
    Path dir = Files.createTempDirectory("scalpel-prop");
    try {
      // getBytes, unlike Files.writeString, replaces lone surrogates instead of refusing them.
      Files.write(dir.resolve("seq.in"), texts.getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("label"), labels.getBytes(StandardCharsets.UTF_8));
      readOrRefuse(dir, List.of(dir, dir.resolve("seq.in"), dir.resolve("label")));
    } finally {
      deleteTree(dir);
    }
  }

  @Provide
  Arbitrary<String> garbageText() {
    return Arbitraries.strings()
        .withChars(SPECIAL.toCharArray())
        .withChars("abcxyz0123456789".toCharArray())
        .withCharRange('\u0001', '\uFFFF')
        .ofMaxLength(200);
  }

  @Provide
  Arbitrary<String> validHead() {
    return Arbitraries.of(
        "text,label\nhello,greeting\n",
        "text\tlabel\nhello\tgreeting\n",
        "{\"text\": \"hello\", \"label\": \"greeting\"}\n",
        "sentence,intent\n",
        "\uFEFFquery,category\n\"a, b\",c\n");
  }

  @Provide
  Arbitrary<String> jsonTokenSoup() {
    Arbitrary<String> token =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"text\"",
            "\"label\"",
            "\"hi\"",
            "\"\"",
            "null",
            "true",
            "-1.5e308",
            "99999999999999999999999",
            "\"\\u00",
            "\\",
            "\n",
            "\r\n",
            " ",
            "\t",
            "\"");
    return Combinators.combine(token.list().ofMaxSize(60), Arbitraries.of("", "\n"))
        .as((tokens, end) -> String.join("", tokens) + end);
  }

  private static void readInEveryFormat(byte[] content) throws IOException {
    Path dir = Files.createTempDirectory("scalpel-prop");
    try {
      for (String name : NAMES) {
        Path file = Files.write(dir.resolve(name), content);
        readOrRefuse(file, List.of(file));
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static void readOrRefuse(Path path, List<Path> blamable) {
    Dataset dataset;
    try {
      dataset = DatasetReader.read(path, ReadOptions.defaults());
    } catch (DataFormatException e) {
      assertThat(blamable).contains(e.file());
      assertThat(e.line()).isNotNegative();
      assertThat(e.getMessage()).startsWith(e.file().toString());
      return;
    }
    assertThat(dataset.examples()).isNotEmpty();
    for (Example example : dataset.examples()) {
      assertThat(example.text()).isNotBlank().isEqualTo(example.text().strip());
      assertThat(example.label()).isNotBlank().isEqualTo(example.label().strip());
      assertThat(example.line()).isPositive();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(p -> {
            try {
              Files.delete(p);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
