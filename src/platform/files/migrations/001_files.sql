-- Content-addressed files (DESIGN.md, "Files"): materials, evidence, generated PDFs. The key is the
-- lower-case hex SHA-256 of the bytes, so the same bytes are one row. See platform/files/file_store.hpp.
CREATE TABLE files (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  media_type TEXT NOT NULL,       -- sniffed from the bytes, never the client's claim
  content @BLOB@,                 -- the bytes; NULL when they live in the storage directory
  created_at BIGINT NOT NULL      -- microseconds since the epoch, UTC: first stored
);
