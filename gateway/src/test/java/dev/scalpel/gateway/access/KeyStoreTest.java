package dev.scalpel.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.gateway.accounting.SqliteRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key store over a real SQLite file: two stores on the same file stand for the gateway and the
 * CLI, which are separate processes.
 */
class KeyStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private KeyStore gateway;
  private KeyStore cli;

  @BeforeEach
  void open() {
    gateway = AccessFiles.keyStore(dir, clock);
    cli = AccessFiles.keyStore(dir, clock);
  }

  @AfterEach
  void close() {
    gateway.close();
    cli.close();
  }

  private static NewKey created(KeyCreation creation) {
    assertThat(creation).isInstanceOf(KeyCreation.Created.class);
    return ((KeyCreation.Created) creation).key();
  }

  @Test
  void aCreatedKeyIsFoundByItsSecretAndListedByItsPrefixOnly() throws SQLException {
    NewKey key =
        created(
            cli.create(
                new KeyRequest(
                    "ci", Scope.INFERENCE, Budget.usd(5, Period.DAY), new RateLimits(60, 10_000)),
                "cli:alice"));

    assertThat(key.secret()).matches("sk-scalpel-[0-9A-Za-z]{40}");
    assertThat(key.key().id()).matches("key_[0-9A-Za-z]{16}");
    assertThat(key.key().prefix()).isEqualTo(key.secret().substring(0, 15));
    assertThat(key.key().created()).isEqualTo(T0);
    assertThat(key.toString()).doesNotContain(key.secret());
    assertThat(gateway.find(key.secret())).contains(key.key());
    assertThat(gateway.find(key.secret() + "x")).isEmpty();
    assertThat(gateway.list()).containsExactly(key.key());
    assertThat(gateway.list().toString()).doesNotContain(key.secret());

    List<String> stored = SqliteRows.rows(gateway.file(), "SELECT * FROM api_keys");
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0))
        .doesNotContain(key.secret().substring(15))
        .contains(key.key().prefix(), "inference", "5000000000", "day", "60", "10000");
    assertThat(SqliteRows.rows(gateway.file(), "SELECT hex(key_hash) FROM api_keys"))
        .containsExactly(HexFormat.of().withUpperCase().formatHex(KeySecrets.digest(key.secret())));
  }

  @Test
  void aKeyRevokedByAnotherProcessIsRefusedAtOnce() {
    NewKey key = created(cli.create(KeyRequest.inference("app"), "cli:alice"));
    Access access = Access.create(gateway, List.of());

    assertThat(access.authenticate("Bearer " + key.secret(), Scope.INFERENCE))
        .isEqualTo(new Authentication.Granted(key.key()));

    assertThat(cli.revoke("app", "cli:alice")).contains(key.key());

    Authentication after = access.authenticate("Bearer " + key.secret(), Scope.INFERENCE);
    assertThat(after).isInstanceOf(Authentication.Denied.class);
    assertThat(((Authentication.Denied) after).refusal().status()).isEqualTo(401);
    assertThat(gateway.list()).isEmpty();
  }

  @Test
  void revokesByIdAndOnlyOnce() {
    NewKey key = created(gateway.create(KeyRequest.inference("batch"), "key:root"));

    assertThat(cli.revoke("nope", "cli:alice")).isEmpty();
    assertThat(cli.revoke(key.key().id(), "cli:alice")).contains(key.key());
    assertThat(cli.revoke(key.key().id(), "cli:alice")).isEmpty();
    assertThat(cli.revoke("batch", "cli:alice")).isEmpty();
  }

  @Test
  void aNameIsTakenWhileItsKeyIsActiveAndFreeAfterRevocation() {
    NewKey first = created(cli.create(KeyRequest.inference("web"), "cli:alice"));

    assertThat(gateway.create(KeyRequest.inference("web"), "key:root"))
        .isEqualTo(new KeyCreation.NameTaken("web"));

    cli.revoke("web", "cli:alice");
    NewKey second = created(gateway.create(KeyRequest.inference("web"), "key:root"));

    assertThat(second.key().id()).isNotEqualTo(first.key().id());
    assertThat(gateway.find(first.secret())).isEmpty();
    assertThat(gateway.find(second.secret())).contains(second.key());
    assertThat(cli.list()).containsExactly(second.key());
  }

  @Test
  void twoProcessesRacingForOneNameCreateOneKey() throws Exception {
    List<Future<KeyCreation>> attempts = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 20; i++) {
        KeyStore store = i % 2 == 0 ? gateway : cli;
        attempts.add(
            threads.submit(() -> {
              start.await();
              return store.create(KeyRequest.inference("race"), "cli:alice");
            }));
      }
      start.countDown();
    }

    int created = 0;
    for (Future<KeyCreation> f : attempts) {
      created += f.get() instanceof KeyCreation.Created ? 1 : 0;
    }
    assertThat(created).isEqualTo(1);
    assertThat(gateway.list()).hasSize(1);
    assertThat(gateway.audit()).hasSize(1);
  }

  @Test
  void createAndRevokeAreAudited() {
    NewKey key =
        created(
            cli.create(
                new KeyRequest("ops", Scope.ADMIN, Budget.usd(100, Period.TOTAL), RateLimits.NONE),
                "cli:alice"));
    clock.advance(Duration.ofMinutes(5));
    gateway.revoke("ops", "key:root");

    List<AuditEntry> audit = cli.audit();

    String detail =
        "id="
            + key.key().id()
            + " scope=admin prefix="
            + key.key().prefix()
            + " budget=$100.00 in total rpm=0 tpm=0";
    assertThat(audit)
        .containsExactly(
            new AuditEntry(1, T0, "cli:alice", AuditEntry.CREATE, "ops", detail),
            new AuditEntry(
                2, T0.plus(Duration.ofMinutes(5)), "key:root", AuditEntry.REVOKE, "ops", detail));
  }

  @Test
  void keysAreListedOldestFirst() {
    NewKey a = created(cli.create(KeyRequest.inference("a"), "cli:alice"));
    clock.advance(Duration.ofSeconds(1));
    NewKey b = created(cli.create(KeyRequest.inference("b"), "cli:alice"));

    assertThat(gateway.list()).containsExactly(a.key(), b.key());
  }

  @Test
  void namesAreCheckedBeforeAnythingIsStored() {
    assertThatThrownBy(() -> KeyRequest.inference("has space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "key name: expected 1 to 64 letters, digits, '.', '_' or '-' starting with a letter or"
                + " digit, found 'has space'");
    assertThatThrownBy(() -> KeyRequest.inference("key_abc"))
        .hasMessage(
            "key name: must not start with 'key_' (key ids look like that), found 'key_abc'");
    assertThatThrownBy(() -> KeyRequest.inference("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(KeyRequest.inference("a".repeat(64)).name()).hasSize(64);
    assertThatThrownBy(() -> KeyRequest.inference("a".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDatabaseWithoutTheSchemaIsRefusedClearly() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty")).resolve("scalpel.db");

    assertThatThrownBy(() -> SqliteKeyStore.open(empty, clock))
        .isInstanceOf(AccessException.class)
        .hasMessage(
            empty
                + ": no api_keys table (expected a database migrated by the request log; open the"
                + " request log on it first)");
  }
}
