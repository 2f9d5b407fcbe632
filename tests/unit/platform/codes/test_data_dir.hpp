#pragma once
// Where the unit tests of platform/codes and platform/calendar find the shipped reference data:
// $TONGBAN_DATA_DIR when set, else the first `data/` folder holding `holidays/` found walking up
// from the working directory (a build directory inside the source tree finds the tree's data).
// Returns "" when neither exists; tests then fail with the path they tried.
#include <cstdlib>
#include <filesystem>

namespace tongban::testing {

inline std::filesystem::path TestDataDir() {
  if (const char* env = std::getenv("TONGBAN_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  for (auto dir = std::filesystem::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    std::error_code probe;  // a miss sets its error; it must not end the walk up
    if (std::filesystem::is_directory(dir / "data" / "holidays", probe)) return dir / "data";
    if (dir == dir.parent_path()) break;
  }
  return {};
}

}  // namespace tongban::testing
