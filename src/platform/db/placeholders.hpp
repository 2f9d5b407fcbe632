#pragma once
// SQL text helpers that know enough lexing to skip string literals, quoted identifiers, comments
// and dollar-quoted bodies. Pure functions; used by the PostgreSQL connection and the migrator.
#include <string>
#include <string_view>
#include <vector>

namespace tongban::db {

// `?` → `$1`, `$2`, ... (PostgreSQL's parameter syntax), leaving `?` inside literals alone.
std::string RewritePlaceholders(std::string_view sql);

// Splits a migration file into statements at top-level `;`. A CREATE TRIGGER body (BEGIN ... END;)
// and dollar-quoted function bodies stay whole. Empty statements and comment-only tails are dropped.
std::vector<std::string> SplitStatements(std::string_view script);

}  // namespace tongban::db
