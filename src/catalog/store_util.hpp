#pragma once
// Small helpers the catalogue's store files share. Internal to src/catalog/*store.cpp.
#include <string>
#include <vector>

#include "platform/db/list_sql.hpp"

namespace tongban::catalog::store {

// Lists stored as '|a|b|' so one LIKE '%|a|%' filters on both engines without JSON functions.
std::string JoinPipes(const std::vector<std::string>& values);
std::vector<std::string> SplitPipes(const std::string& text);

}  // namespace tongban::catalog::store
