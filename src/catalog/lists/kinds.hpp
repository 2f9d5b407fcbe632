#pragma once
// The kinds of list and their columns: the one place a list is defined. Adding a kind here (and
// nothing else) makes its routes, import, export and public pages work.
#include <string_view>
#include <vector>

#include "catalog/lists/model.hpp"

namespace tongban::catalog::lists {

// Every kind, in display order. Immutable; thread-safe.
const std::vector<KindDef>& Kinds();
// nullptr for an unknown kind.
const KindDef* FindKind(std::string_view kind);

}  // namespace tongban::catalog::lists
