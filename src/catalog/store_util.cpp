#include "catalog/store_util.hpp"

#include "platform/http/paging.hpp"

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

std::string LikeContains(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

std::string OrderAndPage(const http::Paging& paging, const std::vector<std::pair<std::string, std::string>>& columns,
                         const std::string& fallback) {
  std::string order;
  for (const auto& key : paging.sort)
    for (const auto& [field, sql] : columns)
      if (field == key.field) order += (order.empty() ? "" : ", ") + sql + (key.descending ? " DESC" : " ASC");
  if (order.empty()) order = fallback;
  return " ORDER BY " + order + " LIMIT " + std::to_string(paging.size) + " OFFSET " + std::to_string(paging.offset());
}

}  // namespace tongban::catalog::store
