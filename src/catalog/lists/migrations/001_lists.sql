-- The government lists 各类清单 (src/catalog/lists/model.hpp): one table for every kind, its
-- columns defined in C++ (kinds.cpp), so a new list needs no new SQL. `fields` is the JSON object
-- of the entry's values by column key; the columns beside it copy the values the database must
-- index or keep unique.
CREATE TABLE catalog_list_entries (
  id @ID@,
  kind TEXT NOT NULL,                  -- power, duty, boundary, territorial, proof, no_penalty, lighter_penalty
  code TEXT,                           -- the kind's code column, when it has one
  matter TEXT,                         -- 事项 (boundary, territorial), trimmed
  department_id BIGINT REFERENCES departments (id),
  division_code TEXT,                  -- territorial: 6 or 9 digits
  fields TEXT NOT NULL,                -- JSON object, column key -> text
  search TEXT NOT NULL,                -- lower-cased values and department names, for q
  needs_review INTEGER NOT NULL DEFAULT 0,   -- 待核实: imported with a doubtful value
  review_note TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);
-- NULLs are distinct on both engines: kinds without a code (or a division) are not constrained.
CREATE UNIQUE INDEX catalog_list_entries_code ON catalog_list_entries (kind, code);
CREATE UNIQUE INDEX catalog_list_entries_place ON catalog_list_entries (kind, matter, division_code);
CREATE INDEX catalog_list_entries_department ON catalog_list_entries (kind, department_id);
