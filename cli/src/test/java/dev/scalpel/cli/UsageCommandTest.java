package dev.scalpel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code scalpel usage} over a real request log of three requests. */
class UsageCommandTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final String NL = System.lineSeparator();

  @TempDir static Path dir;
  private static Path data;
  private static Path file;

  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @BeforeAll
  static void logThreeRequests() {
    data = dir.resolve("data");
    try (RequestLog log = RequestLog.open(data)) {
      file = log.file();
      log.append(request("u1", "2026-11-20T10:00:00Z", "k1", Route.LOCAL, "greet", 0, 0.01));
      log.append(
          request("u2", "2026-11-22T10:00:00Z", "k1", Route.ESCALATED, "refund", 0.25, 0.25));
      log.append(request("u3", "2026-11-23T11:00:00Z", "k2", Route.LOCAL, "greet", 0, 0.02));
    }
  }

  private static RequestRecord request(
      String id, String time, String key, Route route, String label, double cost, double cf) {
    return RequestRecord.builder()
        .id(id)
        .time(Instant.parse(time))
        .apiKeyId(key)
        .route(route)
        .specialist("intent", "intent-1", label, 0.9)
        .cost(cost, cf)
        .build();
  }

  private static Result run(String... args) {
    UsageCommand command = new UsageCommand();
    command.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CommandLine commandLine = new CommandLine(command);
    commandLine.setExecutionExceptionHandler(new UserErrors());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  private static Result usage(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data-dir", data.toString()));
    return run(all.toArray(String[]::new));
  }

  private static JsonNode json(Result result) throws IOException {
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return Json.mapper().readTree(result.out());
  }

  @Test
  void printsTheTotalsAsATable() {
    Result result = usage();

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "requests in "
                + file
                + ":"
                + NL
                + "group   requests    local       cost_usd   counterfactual_usd    savings_usd"
                + NL
                + "total          3   66.67%       0.250000             0.280000       0.030000"
                + NL);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void printsOneRowPerGroupAndTheTotal() {
    Result result = usage("--by", "route", "--since", "2026-11-21");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "requests in "
                + file
                + " since 2026-11-21T00:00:00Z by route:"
                + NL
                + "group       requests    local       cost_usd   counterfactual_usd    savings_usd"
                + NL
                + "escalated          1    0.00%       0.250000             0.250000       0.000000"
                + NL
                + "local              1  100.00%       0.000000             0.020000       0.020000"
                + NL
                + "total              2   50.00%       0.250000             0.270000       0.020000"
                + NL);
  }

  @Test
  void jsonHasExactlyTheDocumentedKeys() throws IOException {
    JsonNode rows = json(usage("--by", "key", "--json"));

    assertThat(rows.isArray()).isTrue();
    assertThat(rows).hasSize(2);
    for (JsonNode row : rows) {
      List<String> keys = new ArrayList<>();
      row.fieldNames().forEachRemaining(keys::add);
      assertThat(keys)
          .containsExactly(
              "group",
              "requests",
              "local_share",
              "cost_usd",
              "counterfactual_cost_usd",
              "savings_usd");
    }
    assertThat(rows.get(0).get("group").asText()).isEqualTo("k1");
    assertThat(rows.get(0).get("requests").asLong()).isEqualTo(2);
    assertThat(rows.get(0).get("local_share").asDouble()).isEqualTo(0.5);
    assertThat(rows.get(0).get("cost_usd").asDouble()).isEqualTo(0.25);
    assertThat(rows.get(0).get("counterfactual_cost_usd").asDouble()).isEqualTo(0.26);
    assertThat(rows.get(0).get("savings_usd").asDouble()).isEqualTo(0.01);
    assertThat(rows.get(1).get("group").asText()).isEqualTo("k2");
    assertThat(rows.get(1).get("local_share").asDouble()).isEqualTo(1.0);
  }

  @Test
  void jsonWithoutGroupingIsOneTotal() throws IOException {
    JsonNode rows = json(usage("--json"));

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("group").asText()).isEqualTo("total");
    assertThat(rows.get(0).get("requests").asLong()).isEqualTo(3);
  }

  @Test
  void sinceTakesDurationsDatesAndInstants() throws IOException {
    assertThat(json(usage("--json", "--since", "24h")).get(0).get("requests").asLong())
        .isEqualTo(1);
    assertThat(json(usage("--json", "--since", "7d")).get(0).get("requests").asLong()).isEqualTo(3);
    assertThat(json(usage("--json", "--since", "2026-11-22")).get(0).get("requests").asLong())
        .isEqualTo(2);
    assertThat(
            json(usage("--json", "--since", "2026-11-22T10:00:00.001Z"))
                .get(0)
                .get("requests")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void groupingsAreCaseInsensitiveAndByDayIsUtc() throws IOException {
    JsonNode rows = json(usage("--json", "--by", "DAY"));

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("group").asText()).isEqualTo("2026-11-20");
    assertThat(rows.get(2).get("group").asText()).isEqualTo("2026-11-23");
  }

  @Test
  void aBadSinceIsAUsageError() {
    Result result = usage("--since", "yesterday");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "Invalid value for option '--since': expected an ISO date (2026-11-01), an ISO instant"
                + " (2026-11-01T09:30:00Z) or a duration such as 7d, 24h or 30m, found 'yesterday'"
                + NL)
        .contains("Usage: usage ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aBadGroupingIsAUsageError() {
    Result result = usage("--by", "weekly");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("unknown grouping 'weekly' (expected total, key, route, label or day)");
  }

  @Test
  void aMissingLogIsAnErrorAndIsNotCreated() {
    Path empty = dir.resolve("empty");

    Result result = run("--data-dir", empty.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: no request log at "
                + empty.resolve("scalpel.db")
                + " (the gateway writes it in its data directory; pass that with --data-dir)"
                + NL);
    assertThat(empty).doesNotExist();
  }

  @Test
  void aFileThatIsNotADatabaseIsAnError() throws IOException {
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("scalpel.db"), "not a database at all");

    Result result = run("--data-dir", bad.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + bad.resolve("scalpel.db").toAbsolutePath()
                + ": not a SQLite database (expected the header 'SQLite format 3', found"
                + " 'not a database a'); move it away or choose another data directory"
                + NL);
  }

  @Test
  void helpDescribesTheOptions() {
    Result result = run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("Usage: usage ")
        .contains("--since=DATE|DURATION", "--by=key|route|label|day", "--json", "--data-dir");
  }
}
