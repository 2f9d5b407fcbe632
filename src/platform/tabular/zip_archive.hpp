#pragma once
// Internal to platform/tabular: a read-only zip archive over bytes in memory (libzip), reading
// members with a hard cap on their inflated size, so a zip bomb stops at the cap.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace tongban::tabular::internal {

class ZipArchive {
 public:
  // `bytes` must outlive the archive. Throws BadFile when they are not a zip archive.
  explicit ZipArchive(std::string_view bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // The member `name` (matched ignoring case, as OOXML part names are), inflated; nullopt when
  // there is none. Throws BadFile when it is larger than `max_bytes` inflated, encrypted or corrupt.
  std::optional<std::string> Read(const std::string& name, std::size_t max_bytes) const;

 private:
  zip* archive_ = nullptr;
};

}  // namespace tongban::tabular::internal
