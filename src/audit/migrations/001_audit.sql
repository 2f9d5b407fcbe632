-- The tamper-evident record of every change (DESIGN.md rule 2, DOMAIN.md "Identity and audit").
-- Rows are appended by audit::Record only, in the transaction of the change they describe; nothing
-- in the product updates or deletes them. `seq` is the position in the hash chain (1, 2, ...):
-- hash = SHA-256(prev_hash || "\n" || canonical JSON of the row), see src/audit/service.hpp.
CREATE TABLE audit_records (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,                    -- microseconds since the epoch, UTC
  actor TEXT NOT NULL,                   -- username, "system", or "apikey:<name>"
  actor_id BIGINT,
  role TEXT NOT NULL DEFAULT '',         -- the actor's role codes, comma-separated
  department TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,                  -- "identity.user.create"
  object_type TEXT NOT NULL,             -- "user"
  object_id TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  client_addr TEXT NOT NULL DEFAULT '',
  change TEXT NOT NULL DEFAULT '{}',     -- what changed, personal data masked
  digest TEXT NOT NULL,                  -- SHA-256 hex of `change`
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_records_object ON audit_records (object_type, object_id);
CREATE INDEX audit_records_actor ON audit_records (actor, at);
CREATE INDEX audit_records_at ON audit_records (at);

-- Ed25519 keys that sign checkpoints; the private key sealed under the KEK (platform/pii).
CREATE TABLE audit_signing_keys (
  id @ID@,
  public_key TEXT NOT NULL,              -- PEM (SubjectPublicKeyInfo)
  private_key_sealed @BLOB@ NOT NULL,
  created_at BIGINT NOT NULL
);

-- The chain head signed once a day and published (GET /api/v1/public/audit/checkpoints).
CREATE TABLE audit_checkpoints (
  id @ID@,
  day TEXT NOT NULL UNIQUE,              -- Asia/Shanghai date, one checkpoint a day
  seq BIGINT NOT NULL,                   -- the head's seq (0: empty chain)
  head_hash TEXT NOT NULL,
  signed_at BIGINT NOT NULL,
  key_id BIGINT NOT NULL REFERENCES audit_signing_keys (id),
  signature TEXT NOT NULL                -- base64 Ed25519 over the checkpoint message
);

-- The daily checkpoint job starts itself: this first run, then each run queues the next day's.
INSERT INTO jobs (kind, payload, state, run_at, attempts, max_attempts, dedupe_key, created_at)
VALUES ('audit.checkpoint', '{}', 'queued', 0, 0, 5, 'audit.checkpoint@first', 0);
