-- Why a request was routed as it was ("out of scope", "sentiment=angry forces a hand-off", ...), and, for
-- requests handed off to a person, the conversation that person needs (the request's messages as JSON).
ALTER TABLE request_log ADD COLUMN reason TEXT;
ALTER TABLE request_log ADD COLUMN conversation TEXT;

-- The hand-off queue is the set of answered hand-off rows without a resolution.
CREATE INDEX request_log_route_time ON request_log (route, time_ms);

CREATE TABLE handoff_resolution (
  request_id  TEXT    NOT NULL PRIMARY KEY REFERENCES request_log (id),
  time_ms     INTEGER NOT NULL,
  resolved_by TEXT    NOT NULL,
  note        TEXT
);
