#pragma once
// SQL fragments every list endpoint's store needs (DESIGN.md "API shape"): a LIKE pattern that
// matches text literally, and ORDER BY / LIMIT / OFFSET from the request's paging, over the
// columns the endpoint allows to sort by. Same SQL on SQLite and PostgreSQL.
#include <string>
#include <utility>
#include <vector>

#include "platform/http/paging.hpp"

namespace tongban::db {

// '%text%' for LIKE, with % _ and \ escaped (the statement must say ESCAPE '\').
std::string LikeContains(const std::string& text);
// " ORDER BY ... LIMIT n OFFSET m": the paging's sort keys mapped through `columns` (field → SQL
// expression; keys not listed are skipped, ParsePaging has already refused them), else `fallback`.
// The limit and offset are integers from ParsePaging, so they are written into the text.
std::string OrderAndPage(const http::Paging& paging, const std::vector<std::pair<std::string, std::string>>& columns,
                         const std::string& fallback);

}  // namespace tongban::db
