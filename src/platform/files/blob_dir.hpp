#pragma once
// The on-disk half of FileStore (internal to platform/files): bytes at `root/ab/cd/<sha256>`.
// Two levels of 256 directories keep any one directory small (about 15 files each at a million
// files), which matters on the network file systems a shared store sits on.
#include <optional>
#include <string>
#include <string_view>

namespace tongban::files {

class BlobDir {
 public:
  explicit BlobDir(std::string root) : root_(std::move(root)) {}

  // `root/ab/cd/<sha256>`. The key must already be validated (IsSha256Key).
  std::string PathOf(const std::string& sha256) const;

  // Writes to a private temporary file beside the target, flushes it to disk, then renames it
  // into place and flushes the directory: a reader sees the whole file or none, even across a
  // crash. Throws tongban::Error 500 files.write_failed.
  void Write(const std::string& sha256, std::string_view bytes) const;

  // The file's bytes; nullopt when it does not exist. Other read errors throw 500 files.read_failed.
  std::optional<std::string> Read(const std::string& sha256) const;

 private:
  std::string root_;
};

}  // namespace tongban::files
