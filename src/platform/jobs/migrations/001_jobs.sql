-- The job table: background work that must survive restarts and run once across N servers
-- (deadline scans, publications, notices). See platform/jobs/runner.hpp.
CREATE TABLE jobs (
  id @ID@,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'dead')),
  run_at BIGINT NOT NULL,          -- microseconds since the epoch, UTC
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 5,
  locked_by TEXT,                  -- the server instance holding the lease
  locked_until BIGINT,             -- lease end; a running job past it is claimed again
  last_error TEXT,
  dedupe_key TEXT UNIQUE,          -- at most one job per key (e.g. "audit.checkpoint@2026-11-23")
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX jobs_due ON jobs (state, run_at);
CREATE INDEX jobs_kind ON jobs (kind, state);
