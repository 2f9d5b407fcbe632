#include "platform/files/blob_dir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "platform/crypto/hash.hpp"
#include "platform/errors/error.hpp"

namespace tongban::files {
namespace {

namespace fs = std::filesystem;

Error WriteFailed(const std::string& what, const std::string& path, int err) {
  return Error::Internal("files.write_failed", what + " " + path + ": " + std::strerror(err));
}

// Closes the descriptor when the scope ends, so every error path below releases it.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

void WriteAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw WriteFailed("write", path, errno);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Without this the rename itself may not survive a crash: the directory entry is data too.
void SyncDirectory(const fs::path& dir) {
  Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (d.fd < 0 || ::fsync(d.fd) != 0) throw WriteFailed("fsync", dir.string(), errno);
}

}  // namespace

std::string BlobDir::PathOf(const std::string& sha256) const {
  return (fs::path(root_) / sha256.substr(0, 2) / sha256.substr(2, 2) / sha256).string();
}

void BlobDir::Write(const std::string& sha256, std::string_view bytes) const {
  const fs::path target = PathOf(sha256);
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw WriteFailed("mkdir", target.parent_path().string(), ec.value());
  // Hidden and unique per writer, so two servers storing the same bytes never share a temp file.
  const fs::path temp = target.parent_path() / ("." + sha256 + "." + crypto::RandomHex(8) + ".tmp");
  try {
    {
      Fd f{::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)};
      if (f.fd < 0) throw WriteFailed("create", temp.string(), errno);
      WriteAll(f.fd, bytes, temp.string());
      if (::fsync(f.fd) != 0) throw WriteFailed("fsync", temp.string(), errno);
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) throw WriteFailed("rename", target.string(), errno);
  } catch (...) {
    fs::remove(temp, ec);
    throw;
  }
  SyncDirectory(target.parent_path());
}

std::optional<std::string> BlobDir::Read(const std::string& sha256) const {
  const std::string path = PathOf(sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!fs::exists(path, ec) && !ec) return std::nullopt;
    throw Error::Internal("files.read_failed", "cannot open " + path);
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error::Internal("files.read_failed", "cannot read " + path);
  return bytes;
}

}  // namespace tongban::files
