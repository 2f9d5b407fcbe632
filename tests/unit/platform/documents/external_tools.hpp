#pragma once
// The document tests read their output back with the tools a person would use: pdftotext,
// pdffonts and pdftoppm (poppler-utils), zbarimg (zbar-tools); scripts/install-deps.sh installs
// them. A test skips, saying why, only when a tool is absent.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "platform/crypto/hash.hpp"

namespace tongban::documents::testing {

inline bool HaveTool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

// Standard output of `command` (standard error discarded), and its exit status.
struct ToolResult {
  std::string out;
  int status = -1;
};
inline ToolResult RunTool(const std::string& command) {
  ToolResult result;
  FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.out.append(buffer, n);
  result.status = ::pclose(pipe);
  return result;
}

// A file in the temporary directory holding `bytes`, removed with this object.
class TempFile {
 public:
  TempFile(const std::string& bytes, const std::string& suffix)
      : path_(std::filesystem::temp_directory_path() / ("tongban-doc-" + crypto::RandomHex(6) + suffix)) {
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace tongban::documents::testing
