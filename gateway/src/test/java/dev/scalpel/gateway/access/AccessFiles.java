package dev.scalpel.gateway.access;

import dev.scalpel.gateway.accounting.RequestLog;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The gateway's database in a test directory: opened and migrated by the request log, as the
 * gateway and the CLI do, then closed; key stores and ledgers open it as separate processes would.
 */
final class AccessFiles {
  private AccessFiles() {}

  /** Migrates the database in {@code dataDir} and returns a request log over it (closed). */
  static RequestLog migrated(Path dataDir) {
    try (RequestLog log = RequestLog.open(dataDir)) {
      return log;
    }
  }

  static KeyStore keyStore(Path dataDir, Clock clock) {
    return KeyStore.open(migrated(dataDir), clock);
  }

  static BudgetLedger ledger(Path dataDir, Clock clock) {
    return BudgetLedger.open(migrated(dataDir), clock);
  }
}
