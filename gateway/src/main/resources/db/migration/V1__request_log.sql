-- One row per request the gateway answered (dev.scalpel.gateway.accounting.RequestLog).
-- Money is stored in integer nano-dollars so that sums are exact; times in epoch milliseconds (UTC).
-- Text columns that do not apply to a request are NULL.
CREATE TABLE request_log (
  id                           TEXT    NOT NULL PRIMARY KEY,
  time_ms                      INTEGER NOT NULL,
  api_key_id                   TEXT,
  route                        TEXT    NOT NULL,
  specialist                   TEXT,
  model_version                TEXT,
  label                        TEXT,
  confidence                   REAL,
  upstream                     TEXT,
  upstream_model               TEXT,
  tokens_in                    INTEGER NOT NULL,
  tokens_out                   INTEGER NOT NULL,
  cost_nano_usd                INTEGER NOT NULL,
  counterfactual_cost_nano_usd INTEGER NOT NULL,
  latency_ms                   REAL    NOT NULL,
  status                       INTEGER NOT NULL,
  error                        TEXT,
  request_text                 TEXT
);

CREATE INDEX request_log_time ON request_log (time_ms);

CREATE INDEX request_log_key_time ON request_log (api_key_id, time_ms);
