-- Cases 办件 (DOMAIN.md "Cases"; docs/cases.md): one application for one version of an
-- implementation entry, its materials, its clocks, its history, its notices. The words are in
-- src/cases/model.hpp.

-- The daily sequence of case numbers per division: one row per (division, Shanghai date), bumped
-- in the creating transaction, so numbers are unique across servers sharing the database.
CREATE TABLE case_counters (
  division_code TEXT NOT NULL,
  day TEXT NOT NULL,
  last_seq BIGINT NOT NULL,
  PRIMARY KEY (division_code, day)
);

CREATE TABLE cases (
  id @ID@,
  number TEXT NOT NULL UNIQUE,               -- 370200-20261123-000042
  parent_id BIGINT REFERENCES cases (id),    -- a bundle's or a project's case
  entry_id BIGINT NOT NULL REFERENCES catalog_entries (id),
  version_no INTEGER NOT NULL,               -- the entry version applied for; kept when superseded
  item_code TEXT NOT NULL,
  item_name TEXT NOT NULL,
  department_id BIGINT NOT NULL REFERENCES departments (id),  -- handles and decides
  hall_id BIGINT REFERENCES departments (id),                 -- the service hall whose windows accept
  applicant_id BIGINT NOT NULL REFERENCES applicants (id),
  helper_user_id BIGINT REFERENCES users (id),                -- 帮办代办: who prepares it for the applicant
  created_by BIGINT REFERENCES users (id),
  channel TEXT NOT NULL CHECK (channel IN ('online', 'window')),
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'supplement_requested', 'refusal_pending',
    'in_review', 'suspended', 'approved', 'denied', 'rejected', 'issued', 'completed', 'withdrawn', 'terminated')),
  step_index INTEGER NOT NULL DEFAULT -1,    -- the workflow step in hand while in review
  step_role TEXT NOT NULL DEFAULT '',        -- that step's role, for the reviewers' inboxes
  form TEXT NOT NULL,                        -- JSON, checked against the version's form schema
  version INTEGER NOT NULL DEFAULT 1,        -- bumped by every change: conditional updates
  received_on TEXT,                          -- Shanghai date of the latest (complete) receipt
  deficiency TEXT,                           -- JSON: 容缺 materials, promise date; NULL when none
  pending_refusal TEXT,                      -- JSON: a clerk's proposed refusal awaiting the supervisor
  extension TEXT,                            -- JSON: requested / approved extension
  suspension TEXT,                           -- JSON: the suspension in force
  delivery TEXT,                             -- JSON: method, tracking number
  decision TEXT,                             -- JSON: result, reason, legal basis, who, when
  created_at BIGINT NOT NULL,
  submitted_at BIGINT,
  accepted_at BIGINT,
  decided_at BIGINT,
  closed_at BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX cases_applicant ON cases (applicant_id, created_at);
CREATE INDEX cases_hall_state ON cases (hall_id, state);
CREATE INDEX cases_department_state ON cases (department_id, state);
CREATE INDEX cases_state ON cases (state, updated_at);
CREATE INDEX cases_inbox ON cases (department_id, step_role, state);
CREATE INDEX cases_parent ON cases (parent_id);

-- The materials the version asks for, one row each, and every file uploaded for them.
CREATE TABLE case_materials (
  case_id BIGINT NOT NULL REFERENCES cases (id),
  idx INTEGER NOT NULL,                      -- position in the version's materials
  name TEXT NOT NULL,
  required INTEGER NOT NULL,
  source TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('missing', 'submitted', 'ok', 'faulty')),
  reason TEXT NOT NULL DEFAULT '',
  deficiency INTEGER NOT NULL DEFAULT 0,     -- promised under 容缺受理
  PRIMARY KEY (case_id, idx)
);
CREATE TABLE case_material_files (
  case_id BIGINT NOT NULL REFERENCES cases (id),
  idx INTEGER NOT NULL,
  version INTEGER NOT NULL,
  sha256 TEXT NOT NULL,                      -- platform/files content address
  size BIGINT NOT NULL,
  media_type TEXT NOT NULL,
  file_name TEXT NOT NULL,
  uploaded_at BIGINT NOT NULL,
  uploaded_by TEXT NOT NULL,
  PRIMARY KEY (case_id, idx, version)
);

-- Clocks are records of their own (case, stage, project): a parent's clock runs over its children's.
CREATE TABLE case_clocks (
  id @ID@,
  case_id BIGINT NOT NULL REFERENCES cases (id),
  parent_id BIGINT REFERENCES case_clocks (id),
  kind TEXT NOT NULL CHECK (kind IN ('acceptance', 'decision', 'delivery', 'deficiency', 'stage', 'project')),
  started_on TEXT NOT NULL,
  limit_days INTEGER NOT NULL,               -- committed working days (plus approved extension)
  statutory_days INTEGER NOT NULL,           -- the law's ceiling beside it
  extended_days INTEGER NOT NULL DEFAULT 0,
  due_on TEXT NOT NULL,
  statutory_due_on TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running', 'suspended', 'stopped')),
  suspended_days INTEGER NOT NULL DEFAULT 0, -- working days the suspensions pushed it back
  stopped_on TEXT,
  warned INTEGER NOT NULL DEFAULT 0,         -- the yellow warning went out
  overdue INTEGER NOT NULL DEFAULT 0         -- the lapse is recorded
);
CREATE INDEX case_clocks_case ON case_clocks (case_id);
-- The deadline scan's index: every condition it tests is in the index, so at a million open cases
-- a scan with nothing new to do reads index entries only (docs/benchmarks.md).
CREATE INDEX case_clocks_due ON case_clocks (state, kind, due_on, warned, overdue);

-- 中止: art. 45's reasons (or the item's own); the clock stands still from `from_on` to `to_on`.
CREATE TABLE case_suspensions (
  id @ID@,
  case_id BIGINT NOT NULL REFERENCES cases (id),
  clock_id BIGINT NOT NULL REFERENCES case_clocks (id),
  reason_code TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  from_on TEXT NOT NULL,
  planned_days INTEGER NOT NULL,
  planned_end_on TEXT NOT NULL,
  to_on TEXT
);
CREATE INDEX case_suspensions_open ON case_suspensions (planned_end_on) WHERE to_on IS NULL;

-- History: every action, who took it, for whom.
CREATE TABLE case_events (
  id @ID@,
  case_id BIGINT NOT NULL REFERENCES cases (id),
  at BIGINT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  step_name TEXT NOT NULL DEFAULT '',
  actor_user_id BIGINT,
  actor_name TEXT NOT NULL,
  on_behalf_of TEXT,                         -- 帮办代办: the applicant the helper acted for
  reason TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case ON case_events (case_id, id);

-- A clock that ran out, recorded once against the department that let it.
CREATE TABLE case_lapses (
  id @ID@,
  case_id BIGINT NOT NULL REFERENCES cases (id),
  clock_id BIGINT NOT NULL REFERENCES case_clocks (id) UNIQUE,
  department_id BIGINT NOT NULL REFERENCES departments (id),
  kind TEXT NOT NULL,
  due_on TEXT NOT NULL,
  recorded_on TEXT NOT NULL
);
CREATE INDEX case_lapses_department ON case_lapses (department_id);

-- Notices 通知书 and decisions as documents: what they say (canonical JSON and its hash), and the
-- PDF once rendered. `code` is the public verification key in the QR code.
CREATE TABLE case_documents (
  id @ID@,
  case_id BIGINT NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  pdf_sha256 TEXT,
  issued_at BIGINT NOT NULL
);
CREATE INDEX case_documents_case ON case_documents (case_id);

-- 帮办代办: an applicant's recorded consent that a helper prepares and submits for them.
CREATE TABLE case_assistants (
  id @ID@,
  applicant_id BIGINT NOT NULL REFERENCES applicants (id),
  helper_user_id BIGINT NOT NULL REFERENCES users (id),
  note TEXT NOT NULL DEFAULT '',
  granted_at BIGINT NOT NULL,
  expires_on TEXT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX case_assistants_helper ON case_assistants (helper_user_id, applicant_id);

-- The daily deadline scan starts itself: this first run, then each run queues the next day's.
INSERT INTO jobs (kind, payload, state, run_at, attempts, max_attempts, dedupe_key, created_at)
VALUES ('cases.deadline_scan', '{}', 'queued', 0, 0, 5, 'cases.deadline_scan@first', 0);
