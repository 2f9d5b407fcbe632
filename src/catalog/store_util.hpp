#pragma once
// Small helpers the catalogue's store files share. Internal to src/catalog/*store.cpp.
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/http/paging.hpp"

namespace tongban::catalog::store {

// Lists stored as '|a|b|' so one LIKE '%|a|%' filters on both engines without JSON functions.
std::string JoinPipes(const std::vector<std::string>& values);
std::vector<std::string> SplitPipes(const std::string& text);
// '%text%' for LIKE, with % _ and \ escaped (the statements say ESCAPE '\').
std::string LikeContains(const std::string& text);
// Appends " ORDER BY ..." from the paging's sort keys mapped through `columns` (field → SQL),
// else `fallback`; then LIMIT/OFFSET.
std::string OrderAndPage(const http::Paging& paging, const std::vector<std::pair<std::string, std::string>>& columns,
                         const std::string& fallback);

}  // namespace tongban::catalog::store
