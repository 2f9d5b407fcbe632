#pragma once
// Content-addressed file storage (DESIGN.md, "Files"): uploaded materials, evidence, generated
// PDFs. A file's key is the lower-case hex SHA-256 of its bytes, so the same bytes are stored once
// and a key names one content forever (a licence can cite the hash of its PDF).
//
// The metadata row always lives in the `files` table. The bytes live in that row (`content`) when
// the store was made without a directory, or in `dir/ab/cd/<sha256>` (the key's first and second
// byte in hex) when it was made with one — a directory servers share, so N servers see one store.
// A row says where its bytes are, so rows written under either setting stay readable after the
// setting changes.
//
// Transactions: every method joins the caller's Tx (DESIGN.md rule 2). Put writes the bytes to
// disk *before* the row, so a committed row never points at a missing file; if the transaction
// rolls back the file stays behind, unreferenced and harmless (a later Put of the same bytes
// reuses it). Nothing removes such orphans yet.
//
// Thread-safe: a FileStore holds only its directory. Concurrent Puts of the same bytes, from one
// server or many, each write a private temporary file and rename it into place (atomic), and
// the row is inserted with ON CONFLICT DO NOTHING, so one row and one file result.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/db/database.hpp"
#include "platform/time/clock.hpp"

namespace tongban::files {

struct StoredFile {
  std::string sha256;      // 64 lower-case hex digits
  std::int64_t size = 0;   // bytes
  std::string media_type;  // as sniffed when first stored (platform/files/sniff.hpp)
};

class FileStore {
 public:
  // `storage_dir` "" keeps bytes in the database; otherwise new files go under that directory
  // (created on first Put). Config key: storage_dir.
  explicit FileStore(std::string storage_dir);

  // Stores `bytes` unless a file with the same hash exists, and returns the stored file. Idempotent:
  // storing the same bytes again changes nothing and returns the first row (its media type and
  // created_at stand). If the row's bytes are on disk but the file is missing or damaged, it is
  // rewritten from `bytes`. `media_type` should come from SniffMediaType, never from the client.
  // Disk failures throw tongban::Error 500 files.write_failed.
  StoredFile Put(db::Tx& tx, std::string_view bytes, const std::string& media_type, time::Instant now) const;

  // The bytes of `sha256`, or nullopt when no such file is stored (a key that is not 64 lower-case
  // hex digits is a miss and never reaches the file system). The bytes are hashed again before
  // they are returned: bytes that no longer match their key (edited on disk or in the database)
  // throw tongban::Error 500 files.corrupt, and a row whose file is gone throws 500
  // files.missing — never silently wrong content.
  std::optional<std::string> Get(db::Tx& tx, const std::string& sha256) const;

  // The metadata of `sha256` without reading its bytes; nullopt when not stored.
  std::optional<StoredFile> Stat(db::Tx& tx, const std::string& sha256) const;

  const std::string& storage_dir() const { return dir_; }

 private:
  std::string dir_;
};

// True for 64 lower-case hex digits: the only keys FileStore accepts.
bool IsSha256Key(std::string_view key);

}  // namespace tongban::files
