package dev.scalpel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.gateway.access.Access;
import dev.scalpel.gateway.access.AuditEntry;
import dev.scalpel.gateway.access.Authentication;
import dev.scalpel.gateway.access.Budget;
import dev.scalpel.gateway.access.KeyInfo;
import dev.scalpel.gateway.access.KeyStore;
import dev.scalpel.gateway.access.Period;
import dev.scalpel.gateway.access.RateLimits;
import dev.scalpel.gateway.access.Scope;
import dev.scalpel.gateway.accounting.RequestLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scalpel keys} end to end, beside a key store standing for a running gateway on the same
 * database.
 */
class KeysCommandTest {
  private static final String NL = System.lineSeparator();

  @TempDir Path dir;
  private Path data;
  private KeyStore gateway;
  private Access access;

  @BeforeEach
  void openGatewaySide() {
    data = dir.resolve("data");
    try (RequestLog log = RequestLog.open(data)) {
      gateway = KeyStore.open(log);
    }
    access = Access.create(gateway, List.of());
  }

  @AfterEach
  void close() {
    gateway.close();
  }

  private Cli.Result keys(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "keys";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--data-dir";
    all[args.length + 2] = data.toString();
    return Cli.run(all);
  }

  private static String lastLine(Cli.Result result) {
    List<String> lines = result.outLines();
    return lines.get(lines.size() - 1);
  }

  @Test
  void createPrintsTheKeyAloneOnTheLastLineAndTheGatewayAcceptsIt() {
    Cli.Result result =
        keys(
            "create",
            "--name",
            "ci",
            "--budget-usd",
            "5",
            "--period",
            "day",
            "--rpm",
            "60",
            "--tpm",
            "10000");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    String secret = lastLine(result);
    assertThat(secret).matches("sk-scalpel-[0-9A-Za-z]{40}");
    assertThat(result.outLines()).hasSize(3);
    assertThat(result.outLines().get(0))
        .matches(
            "Created key 'ci' \\(key_[0-9A-Za-z]{16}\\): scope inference, budget \\$5.00 per day,"
                + " 60 requests/min, 10000 tokens/min\\.");
    assertThat(result.err()).isEmpty();

    Authentication auth = access.authenticate("Bearer " + secret, Scope.INFERENCE);
    KeyInfo key = ((Authentication.Granted) auth).key();
    assertThat(key.name()).isEqualTo("ci");
    assertThat(key.budget()).isEqualTo(Budget.usd(5, Period.DAY));
    assertThat(key.limits()).isEqualTo(new RateLimits(60, 10_000));
    assertThat(gateway.audit())
        .extracting(AuditEntry::actor, AuditEntry::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "cli:" + System.getProperty("user.name"), AuditEntry.CREATE));
  }

  @Test
  void listShowsThePrefixNeverTheKey() {
    String secret = lastLine(keys("create", "--name", "web", "--scope", "admin"));
    String id = gateway.list().get(0).id();

    Cli.Result result = keys("list");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).doesNotContain(secret);
    assertThat(result.outLines())
        .containsExactly(
            "keys in " + RequestLog.databaseFile(data).toAbsolutePath() + ":",
            String.format(
                "%-20s  name  scope  prefix              %-20s  budget  rpm  tpm", "id", "created"),
            id
                + "  web   admin  "
                + secret.substring(0, 15)
                + "...  "
                + gateway.list().get(0).created().truncatedTo(ChronoUnit.SECONDS)
                + "  none    -    -");
  }

  @Test
  void revokeTakesEffectAtOnceAndOnlyOnce() {
    String secret = lastLine(keys("create", "--name", "batch"));
    assertThat(access.authenticate("Bearer " + secret, Scope.INFERENCE))
        .isInstanceOf(Authentication.Granted.class);

    Cli.Result revoked = keys("revoke", "batch");

    assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
    assertThat(revoked.out())
        .matches(
            "Revoked key 'batch' \\(key_[0-9A-Za-z]{16}\\); the gateway refuses it from its next"
                + " request\\."
                + NL);
    Authentication after = access.authenticate("Bearer " + secret, Scope.INFERENCE);
    assertThat(((Authentication.Denied) after).refusal().status()).isEqualTo(401);
    assertThat(keys("list").out()).startsWith("no active keys in ");

    Cli.Result again = keys("revoke", "batch");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .isEqualTo(
            "error: no active key is named 'batch' or has that id in "
                + RequestLog.databaseFile(data).toAbsolutePath()
                + " (see scalpel keys list)"
                + NL);
  }

  @Test
  void revokeTakesAnIdToo() {
    keys("create", "--name", "byid");
    String id = gateway.list().get(0).id();

    assertThat(keys("revoke", id).exitCode()).isZero();
    assertThat(gateway.list()).isEmpty();
  }

  @Test
  void aTakenNameIsAnError() {
    keys("create", "--name", "dup");

    Cli.Result result = keys("create", "--name", "dup");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: an active key is already named 'dup' in ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void badFlagCombinationsAreUsageErrors() {
    record Case(List<String> args, String message) {}
    List<Case> cases =
        List.of(
            new Case(
                List.of("--name", "x", "--period", "day"),
                "--period goes with --budget-usd; add --budget-usd X"),
            new Case(
                List.of("--name", "x", "--budget-usd", "5"),
                "--budget-usd needs --period day|month|total"),
            new Case(
                List.of("--name", "x", "--budget-usd", "-5", "--period", "day"),
                "budget: expected a number of USD from 0 to 1e9, found -5.0"),
            new Case(
                List.of("--name", "x", "--budget-usd", "5", "--period", "week"),
                "unknown budget period 'week' (expected day, month or total)"),
            new Case(
                List.of("--name", "x", "--scope", "root"),
                "unknown scope 'root' (expected inference or admin)"),
            new Case(
                List.of("--name", "x", "--rpm", "0"),
                "--rpm expects a number of at least 1, found 0"),
            new Case(List.of("--name", "has space"), "key name: expected 1 to 64 letters"),
            new Case(List.of(), "Missing required option: '--name=<name>'"));
    for (Case c : cases) {
      String[] args = new String[c.args().size() + 1];
      args[0] = "create";
      for (int i = 0; i < c.args().size(); i++) {
        args[i + 1] = c.args().get(i);
      }
      Cli.Result result = keys(args);
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
      assertThat(result.err())
          .as(result.toString())
          .contains(c.message())
          .contains("Usage: scalpel keys create");
      assertThat(result.out()).isEmpty();
    }
    assertThat(gateway.list()).isEmpty();
    assertThat(Cli.run("keys").exitCode()).isEqualTo(2);
  }

  @Test
  void listingOrRevokingWithoutADatabaseIsAnErrorAndCreatesNothing() {
    Path empty = dir.resolve("empty");

    Cli.Result list = Cli.run("keys", "list", "--data-dir", empty.toString());
    Cli.Result revoke = Cli.run("keys", "revoke", "x", "--data-dir", empty.toString());

    String message =
        "error: no gateway database at "
            + empty.resolve("scalpel.db")
            + " (the gateway keeps it in its data directory; pass that with --data-dir or --config)"
            + NL;
    assertThat(list.exitCode()).isEqualTo(1);
    assertThat(list.err()).isEqualTo(message);
    assertThat(revoke.exitCode()).isEqualTo(1);
    assertThat(revoke.err()).isEqualTo(message);
    assertThat(empty).doesNotExist();
  }

  @Test
  void theConfigNamesTheDataDirectory() throws IOException {
    Path config = dir.resolve("scalpel.yaml");
    Files.writeString(config, "storage:\n  data_dir: data\n");

    Cli.Result created =
        Cli.run("keys", "create", "--name", "fromconfig", "--config", config.toString());
    Cli.Result listed = Cli.run("keys", "list", "--config", config.toString());

    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(listed.out()).contains("fromconfig");
    assertThat(gateway.list()).extracting(KeyInfo::name).containsExactly("fromconfig");
  }
}
