-- The review queue (dev.scalpel.gateway.review.ReviewQueue): the requests the gateway escalated or
-- handed off, grouped by normalized text (lower case, whitespace collapsed, trimmed), are read from
-- request_log; this table holds what was decided about each group. text_key is the normalized text,
-- item_id the first 10 hex digits of its SHA-256 (what the CLI shows), text the request text as
-- stored (redacted unless the gateway stores raw text), the one an export writes.
--
-- status: proposed (a teacher answered, nobody confirmed yet: label is the teacher's), labeled (a person decided), skipped.
-- label: a label of the specialist, oos (out of scope) or new:<name> (an intent to create).
-- source: who the label comes from: teacher, person, or both (the person agreed with the teacher).
-- Times in epoch milliseconds (UTC), as in request_log.
CREATE TABLE review_label (
  text_key      TEXT    NOT NULL PRIMARY KEY,
  item_id       TEXT    NOT NULL UNIQUE,
  text          TEXT    NOT NULL,
  status        TEXT    NOT NULL CHECK (status IN ('proposed', 'labeled', 'skipped')),
  label         TEXT,
  source        TEXT    CHECK (source IN ('teacher', 'person', 'both')),
  teacher_label TEXT,
  teacher_model TEXT,
  teacher_ms    INTEGER,
  person_label  TEXT,
  decided_by    TEXT,
  note          TEXT,
  time_ms       INTEGER NOT NULL,
  CHECK (status = 'skipped' OR (label IS NOT NULL AND source IS NOT NULL))
);

CREATE INDEX review_label_status_time ON review_label (status, time_ms);
