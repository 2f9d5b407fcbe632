#include "platform/db/list_sql.hpp"

namespace tongban::db {

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

}  // namespace tongban::db
