package dev.scalpel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code scalpel redact} end to end: stdin in, JSON lines out, exit codes. */
class RedactCommandTest {
  private static final String NL = System.lineSeparator();

  @Test
  void redactsPlainAndJsonLinesOneOutputLinePerInputLine() {
    String stdin =
        "mail anna@mail.example or call +44 20 7946 0958\n"
            + "{\"text\": \"card 4111 1111 1111 1111\", \"id\": 7}\n"
            + "\n"
            + "nothing here\r\n"
            + "{\"id\": 3, \"text\": \"ip 10.0.0.7\"}";

    Cli.Result result = Cli.runWithInput(stdin, "redact");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.outLines())
        .containsExactly(
            "{\"text\":\"mail [EMAIL_1] or call [PHONE_1]\",\"entities\":["
                + "{\"type\":\"EMAIL\",\"start\":5,\"end\":22},"
                + "{\"type\":\"PHONE\",\"start\":31,\"end\":47}]}",
            "{\"text\":\"card [CREDIT_CARD_1]\",\"entities\":["
                + "{\"type\":\"CREDIT_CARD\",\"start\":5,\"end\":24}]}",
            "{\"text\":\"\",\"entities\":[]}",
            "{\"text\":\"nothing here\",\"entities\":[]}",
            "{\"text\":\"ip [IP_ADDRESS_1]\",\"entities\":["
                + "{\"type\":\"IP_ADDRESS\",\"start\":3,\"end\":11}]}");
  }

  @Test
  void jsonLookingLinesThatAreNotObjectsWithATextAreTakenAsText() {
    String stdin =
        "{\"text\": \"a@b.io\"\n"
            + "{\"message\": \"a@b.io\"}\n"
            + "{\"text\": 42, \"mail\": \"a@b.io\"}\n"
            + "{\"text\": \"x\"} trailing a@b.io\n";

    Cli.Result result = Cli.runWithInput(stdin, "redact");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "{\"text\":\"{\\\"text\\\": \\\"[EMAIL_1]\\\"\",\"entities\":["
                + "{\"type\":\"EMAIL\",\"start\":10,\"end\":16}]}",
            "{\"text\":\"{\\\"message\\\": \\\"[EMAIL_1]\\\"}\",\"entities\":["
                + "{\"type\":\"EMAIL\",\"start\":13,\"end\":19}]}",
            "{\"text\":\"{\\\"text\\\": 42, \\\"mail\\\": \\\"[EMAIL_1]\\\"}\",\"entities\":["
                + "{\"type\":\"EMAIL\",\"start\":22,\"end\":28}]}",
            "{\"text\":\"{\\\"text\\\": \\\"x\\\"} trailing [EMAIL_1]\",\"entities\":["
                + "{\"type\":\"EMAIL\",\"start\":23,\"end\":29}]}");
  }

  @Test
  void offsetsCountUtf16UnitsOfTheJsonText() {
    Cli.Result result =
        Cli.runWithInput("{\"text\": \"\\ud83d\\ude00 IBAN DE89370400440532013000\"}\n", "redact");

    assertThat(result.out())
        .isEqualTo(
            "{\"text\":\"😀 IBAN [IBAN_1]\",\"entities\":["
                + "{\"type\":\"IBAN\",\"start\":8,\"end\":30}]}"
                + NL);
  }

  @Test
  void placeholdersAreNumberedPerLine() {
    Cli.Result result = Cli.runWithInput("a@b.io c@d.io a@b.io\nc@d.io\n", "redact");

    assertThat(result.outLines())
        .extracting(line -> line.substring(0, line.indexOf("\",\"entities\"")))
        .containsExactly("{\"text\":\"[EMAIL_1] [EMAIL_2] [EMAIL_1]", "{\"text\":\"[EMAIL_1]");
  }

  @Test
  void typesAndPhoneRegionsCanBeChosen() {
    String stdin = "a@b.io 4111 1111 1111 1111 020 7946 0958\n";

    Cli.Result cards = Cli.runWithInput(stdin, "redact", "--types", "credit_card");
    Cli.Result british = Cli.runWithInput(stdin, "redact", "--types=PHONE", "--phone-region=GB");

    assertThat(cards.out()).startsWith("{\"text\":\"a@b.io [CREDIT_CARD_1] 020 7946 0958\"");
    assertThat(british.out()).startsWith("{\"text\":\"a@b.io 4111 1111 1111 1111 [PHONE_1]\"");
  }

  @Test
  void emptyInputWritesNothing() {
    Cli.Result result = Cli.runWithInput("", "redact");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void invalidUtf8IsReportedWithItsLine() {
    ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    stdin.writeBytes("first a@b.io\nsecond\nthird ".getBytes(StandardCharsets.UTF_8));
    stdin.write(0xC3);
    stdin.write(0x28);
    stdin.writeBytes("\nfourth\n".getBytes(StandardCharsets.UTF_8));

    Cli.Result result = Cli.runWithBytes(stdin.toByteArray(), "redact");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: stdin:3: invalid UTF-8 (byte 0xC3 at byte 7 of the line); send UTF-8 text"
                + NL);
    assertThat(result.outLines()).hasSize(2);
  }

  @Test
  void unknownTypeOrRegionIsAUsageError() {
    Cli.Result type = Cli.runWithInput("x\n", "redact", "--types", "NAME");
    Cli.Result region = Cli.runWithInput("x\n", "redact", "--phone-region", "XX");

    assertThat(type.exitCode()).isEqualTo(2);
    assertThat(type.err()).contains("Invalid value for option '--types'").contains("NAME");
    assertThat(region.exitCode()).isEqualTo(2);
    assertThat(region.err()).contains("phone region: expected a two-letter region code");
    assertThat(region.out()).isEmpty();
  }

  @Test
  void helpDescribesTheCommand() {
    Cli.Result result = Cli.run("redact", "--help");
    Cli.Result root = Cli.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("Usage: scalpel redact ")
        .contains("--types=TYPE", "--phone-region=REGION", "JSON Lines", "UTF-16");
    assertThat(root.out()).contains("redact");
  }
}
