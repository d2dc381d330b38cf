-- API keys managed at run time (dev.scalpel.gateway.access.KeyStore), the settled spend of keys with
-- a budget, and the audit log of admin actions. Money in integer nano-dollars, times in epoch
-- milliseconds (UTC), as in request_log.

-- A key is stored as the SHA-256 of its secret, never the secret itself; prefix is what lists show
-- (e.g. sk-scalpel-AbCd). A revoked key keeps its row (revoked_ms set) so that the audit log and the
-- request log can still name it; its name is free again.
CREATE TABLE api_keys (
  id              TEXT    NOT NULL PRIMARY KEY,
  name            TEXT    NOT NULL,
  scope           TEXT    NOT NULL CHECK (scope IN ('inference', 'admin')),
  key_hash        BLOB    NOT NULL UNIQUE,
  prefix          TEXT    NOT NULL,
  created_ms      INTEGER NOT NULL,
  revoked_ms      INTEGER,
  budget_nano_usd INTEGER CHECK (budget_nano_usd >= 0),
  budget_period   TEXT    CHECK (budget_period IN ('day', 'month', 'total')),
  rpm             INTEGER NOT NULL DEFAULT 0 CHECK (rpm >= 0),
  tpm             INTEGER NOT NULL DEFAULT 0 CHECK (tpm >= 0),
  CHECK ((budget_nano_usd IS NULL) = (budget_period IS NULL))
);

CREATE UNIQUE INDEX api_keys_active_name ON api_keys (name) WHERE revoked_ms IS NULL;

-- Settled spend of a key in one budget window: period_start_ms is the window's start (UTC midnight
-- of the day, the first of the month, or 0 for a total budget). key_id is an api_keys id, or
-- config:<name> for a key from scalpel.yaml, hence no foreign key.
CREATE TABLE budget_spend (
  key_id          TEXT    NOT NULL,
  period_start_ms INTEGER NOT NULL,
  spent_nano_usd  INTEGER NOT NULL CHECK (spent_nano_usd >= 0),
  PRIMARY KEY (key_id, period_start_ms)
) WITHOUT ROWID;

-- One row per admin action (key created, key revoked), whoever did it: the CLI (cli:<user>) or the
-- admin API (key:<name of the admin key>).
CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  time_ms INTEGER NOT NULL,
  actor   TEXT    NOT NULL,
  action  TEXT    NOT NULL,
  target  TEXT    NOT NULL,
  detail  TEXT    NOT NULL
);

CREATE INDEX audit_log_time ON audit_log (time_ms);
