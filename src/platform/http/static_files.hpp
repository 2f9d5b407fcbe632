#pragma once
// Serves the built web app: correct content types, long-lived caching for hashed assets, the SPA
// fallback to index.html for paths that name no file, and no path ever outside the web directory.
// Files are kept in memory after the first read (the built app is a few MB) and re-read when their
// modification time changes, so serving never waits on the disk. Thread-safe.
#include <filesystem>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "platform/http/request.hpp"
#include "platform/http/response.hpp"

namespace tongban::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  const std::filesystem::path& root() const { return root_; }
  bool available() const { return available_; }
  // GET/HEAD only (the dispatcher checks). 404 problem+json for a missing asset or a refused path.
  Response Serve(const Request& request) const;

 private:
  struct Cached {
    std::string body;
    std::string content_type;
    std::filesystem::file_time_type mtime;
  };
  // nullptr when the file does not exist (or is not a regular file inside root_).
  std::shared_ptr<const Cached> Load(const std::filesystem::path& file) const;

  std::filesystem::path root_;
  bool available_ = false;
  mutable std::shared_mutex mu_;
  mutable std::unordered_map<std::string, std::shared_ptr<const Cached>> cache_;  // guarded by mu_
};

// The MIME type for a file name's extension; application/octet-stream when unknown.
std::string ContentTypeFor(const std::string& filename);

}  // namespace tongban::http
