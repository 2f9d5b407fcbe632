#pragma once
// The list convention every list endpoint shares (DESIGN.md, "API shape"): page from 1, size
// default 20 and at most 100 (more is a 400, not a silent cap), sort=field,-field over fields the
// endpoint allows; answers {"items", "total", "page", "size"}.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/http/request.hpp"

namespace tongban::http {

struct SortKey {
  std::string field;
  bool descending = false;
};

struct Paging {
  int page = 1;
  int size = 20;
  std::vector<SortKey> sort;
  int offset() const { return (page - 1) * size; }
};

// Throws tongban::Error 400 naming the parameter when page/size/sort is malformed or a sort field
// is not in `sortable`.
Paging ParsePaging(const Request& request, const std::vector<std::string>& sortable = {});

nlohmann::json PageJson(nlohmann::json items, std::int64_t total, const Paging& paging);

}  // namespace tongban::http
