#include "platform/files/file_store.hpp"

#include <spdlog/spdlog.h>

#include "platform/crypto/hash.hpp"
#include "platform/errors/error.hpp"
#include "platform/files/blob_dir.hpp"

namespace tongban::files {
namespace {

constexpr const char* kInsert =
    "INSERT INTO files (sha256, size, media_type, content, created_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (sha256) DO NOTHING";
// "Is it on disk" is spelled as an integer: PostgreSQL would answer a boolean as the text 't'/'f'.
constexpr const char* kStat =
    "SELECT size, media_type, CASE WHEN content IS NULL THEN 1 ELSE 0 END FROM files WHERE sha256 = ?";
constexpr const char* kContent =
    "SELECT content, CASE WHEN content IS NULL THEN 1 ELSE 0 END FROM files WHERE sha256 = ?";

struct Located {
  StoredFile file;
  bool on_disk = false;
};

std::optional<Located> Locate(db::Tx& tx, const std::string& sha256) {
  auto row = tx.QueryOne(kStat, {sha256});
  if (!row) return std::nullopt;
  return Located{{sha256, row->Int(0), row->Text(1)}, row->Int(2) == 1};
}

// A row whose bytes are on disk, read by a store configured without a directory: the operator
// dropped storage_dir from the configuration. Loud, because every such file would look lost.
Error NoStorageDir(const std::string& sha256) {
  return Error::Internal("files.no_storage_dir",
                         "file " + sha256 + " is kept in the storage directory, but storage_dir is not configured");
}

}  // namespace

bool IsSha256Key(std::string_view key) {
  if (key.size() != 64) return false;
  for (char c : key)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

FileStore::FileStore(std::string storage_dir) : dir_(std::move(storage_dir)) {}

StoredFile FileStore::Put(db::Tx& tx, std::string_view bytes, const std::string& media_type,
                          time::Instant now) const {
  StoredFile file{crypto::Sha256Hex(bytes), static_cast<std::int64_t>(bytes.size()), media_type};
  if (auto existing = Locate(tx, file.sha256)) {
    if (existing->on_disk) {
      if (dir_.empty()) throw NoStorageDir(file.sha256);
      const BlobDir disk(dir_);
      const auto current = disk.Read(file.sha256);
      if (!current || crypto::Sha256Hex(*current) != file.sha256) {
        spdlog::warn("files: {} was {} on disk; rewritten from a new upload of the same bytes", file.sha256,
                     current ? "damaged" : "missing");
        disk.Write(file.sha256, bytes);
      }
    }
    return existing->file;
  }
  const bool on_disk = !dir_.empty();
  if (on_disk) BlobDir(dir_).Write(file.sha256, bytes);  // before the row: see the header
  const db::Param content = on_disk ? db::Param(nullptr) : db::Param(db::Blob{std::string(bytes)});
  if (tx.Exec(kInsert, {file.sha256, file.size, file.media_type, content, time::ToMicros(now)}) == 0) {
    // Another transaction stored the same bytes between our look and our insert (PostgreSQL waits
    // for it, then sees its row); its row stands.
    if (auto raced = Locate(tx, file.sha256)) return raced->file;
  }
  return file;
}

std::optional<std::string> FileStore::Get(db::Tx& tx, const std::string& sha256) const {
  if (!IsSha256Key(sha256)) return std::nullopt;
  auto row = tx.QueryOne(kContent, {sha256});
  if (!row) return std::nullopt;
  std::string bytes;
  const bool on_disk = row->Int(1) == 1;
  if (!on_disk) {
    bytes = row->Text(0);
  } else {
    if (dir_.empty()) throw NoStorageDir(sha256);
    const BlobDir disk(dir_);
    auto read = disk.Read(sha256);
    if (!read) throw Error::Internal("files.missing", "file " + sha256 + " is not at " + disk.PathOf(sha256));
    bytes = std::move(*read);
  }
  // The key is a promise about the bytes; checked wherever they were kept.
  if (crypto::Sha256Hex(bytes) != sha256)
    throw Error::Internal("files.corrupt", "the stored bytes of " + sha256 + (on_disk ? " (on disk)" : " (in the database)") +
                                               " no longer hash to their key");
  return bytes;
}

std::optional<StoredFile> FileStore::Stat(db::Tx& tx, const std::string& sha256) const {
  if (!IsSha256Key(sha256)) return std::nullopt;
  auto located = Locate(tx, sha256);
  if (!located) return std::nullopt;
  return located->file;
}

}  // namespace tongban::files
