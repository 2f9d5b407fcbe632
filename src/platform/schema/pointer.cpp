#include "platform/schema/pointer.hpp"

namespace tongban::schema::internal {

std::string EscapeSegment(std::string_view name) {
  std::string out;
  AppendSegment(out, name);
  return out.substr(1);
}

void AppendSegment(std::string& pointer, std::string_view name) {
  pointer += '/';
  for (char c : name) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

void AppendIndex(std::string& pointer, std::size_t index) {
  pointer += '/';
  pointer += std::to_string(index);
}

namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> PercentDecode(std::string_view fragment) {
  std::string out;
  out.reserve(fragment.size());
  for (std::size_t i = 0; i < fragment.size(); ++i) {
    if (fragment[i] != '%') {
      out += fragment[i];
      continue;
    }
    if (i + 2 >= fragment.size()) return std::nullopt;
    const int hi = HexValue(fragment[i + 1]), lo = HexValue(fragment[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

}  // namespace tongban::schema::internal
