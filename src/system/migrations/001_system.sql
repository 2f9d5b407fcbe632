-- System parameters 参数设置 (values an administrator changes without a release; the known keys,
-- types, ranges and defaults are in src/system/parameters.cpp: a missing row means the default)
-- and the administrators' edits of the working calendar 节假日 (on top of data/holidays).
CREATE TABLE system_parameters (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE calendar_days (
  day TEXT PRIMARY KEY,                 -- YYYY-MM-DD
  year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX calendar_days_year ON calendar_days (year);

-- One row. `version` counts edits (shown to users, stamped on deadlines); `stamp` is random per
-- edit, so a cache keyed by it never mistakes a rolled-back edit for a committed one.
CREATE TABLE calendar_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL,
  stamp TEXT NOT NULL
);
INSERT INTO calendar_version (id, version, stamp) VALUES (1, 0, 'initial');
