#include "catalog/store_util.hpp"

namespace tongban::catalog::store {

std::string JoinPipes(const std::vector<std::string>& values) {
  std::string out = "|";
  for (const auto& v : values) out += v + "|";
  return out;
}

std::vector<std::string> SplitPipes(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start < text.size()) {
    const auto end = text.find('|', start);
    if (end == std::string::npos) break;
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace tongban::catalog::store
