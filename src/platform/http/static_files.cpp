#include "platform/http/static_files.hpp"

#include <fstream>
#include <mutex>
#include <sstream>

#include "platform/errors/error.hpp"
#include "platform/http/router.hpp"

namespace tongban::http {
namespace fs = std::filesystem;

std::string ContentTypeFor(const std::string& filename) {
  static const std::unordered_map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".map", "application/json"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
      {".gif", "image/gif"}, {".webp", "image/webp"}, {".ico", "image/x-icon"},
      {".woff", "font/woff"}, {".woff2", "font/woff2"}, {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"}, {".wasm", "application/wasm"}, {".pdf", "application/pdf"},
      {".webmanifest", "application/manifest+json"},
  };
  const auto ext = fs::path(filename).extension().string();
  const auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

StaticFiles::StaticFiles(fs::path root) {
  std::error_code ec;
  root_ = fs::weakly_canonical(root, ec);
  available_ = !ec && fs::is_regular_file(root_ / "index.html", ec);
}

std::shared_ptr<const StaticFiles::Cached> StaticFiles::Load(const fs::path& file) const {
  std::error_code ec;
  const auto status = fs::status(file, ec);
  if (ec || !fs::is_regular_file(status)) return nullptr;
  const auto mtime = fs::last_write_time(file, ec);
  if (ec) return nullptr;
  const std::string key = file.string();
  {
    std::shared_lock lock(mu_);
    if (auto it = cache_.find(key); it != cache_.end() && it->second->mtime == mtime) return it->second;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  auto cached = std::make_shared<Cached>(Cached{buffer.str(), ContentTypeFor(file.filename().string()), mtime});
  std::unique_lock lock(mu_);
  cache_[key] = cached;
  return cached;
}

Response StaticFiles::Serve(const Request& request) const {
  auto not_found = [&] {
    return Response::Problem(Error::NotFound("http.not_found", "页面或文件不存在", "No such page or file"), request);
  };
  if (!available_) return not_found();
  // Build the relative path from decoded segments, refusing anything that could climb out.
  fs::path relative;
  const auto segments = SplitPath(request.path);
  for (auto seg : segments) {
    if (seg == "." || seg == ".." || seg.find('\\') != std::string_view::npos || seg.find(':') != std::string_view::npos)
      return not_found();
    relative /= std::string(seg);
  }
  const bool names_a_file = !segments.empty() && segments.back().find('.') != std::string_view::npos;
  fs::path file = root_ / relative;
  // A symlink inside the web dir must not lead outside it either.
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(file, ec);
  const auto rel = canonical.lexically_relative(root_);
  if (ec || rel.empty() || rel.native().rfind("..", 0) == 0) return not_found();

  auto cached = segments.empty() ? nullptr : Load(canonical);
  bool fallback = false;
  if (!cached) {
    // SPA fallback: a client-side route (/system/users) gets index.html; a missing asset is 404.
    if (names_a_file) return not_found();
    cached = Load(root_ / "index.html");
    fallback = true;
    if (!cached) return not_found();
  }
  Response r;
  r.status = 200;
  r.content_type = cached->content_type;
  r.body = cached->body;
  // Vite names built assets with a content hash (assets/index-3f2a9c1b.js): they never change, so
  // browsers may keep them a year. Everything else (index.html above all) is revalidated.
  const bool hashed_asset = !fallback && segments.size() >= 2 && segments.front() == "assets";
  r.SetHeader("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  r.SetHeader("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace tongban::http
