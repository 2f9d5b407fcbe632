#pragma once
// Files compiled into the binary by cmake/embed.cmake, so `tongban` needs nothing beside it
// but the web directory and reference data.
#include <string_view>
#include <vector>

namespace tongban::embedded {

struct MigrationSource {
  std::string_view name;         // the line of src/migrations.txt, e.g. "platform/jobs/migrations/001_jobs"
  std::string_view sqlite_sql;   // the .sql (or .sqlite.sql) text
  std::string_view postgres_sql; // the .sql (or .pg.sql) text
};

struct OpenApiFragment {
  std::string_view path;  // relative to src/, e.g. "platform/ops/openapi.json"
  std::string_view json;
};

// In the order src/migrations.txt lists them.
const std::vector<MigrationSource>& Migrations();
// Sorted by path; merged by platform/openapi into the served document.
const std::vector<OpenApiFragment>& OpenApiFragments();

}  // namespace tongban::embedded
