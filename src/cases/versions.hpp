#pragma once
// The entry versions cases are made for, parsed once per process. A published version never
// changes (editing a published entry makes the next version), so its elements, their JSON and the
// step plan can be shared by every request; parsing the 4 KB of elements on every action was a
// sixth of a submission's CPU (docs/benchmarks.md).
#include <memory>

#include <nlohmann/json.hpp>

#include "cases/workflow.hpp"
#include "catalog/model.hpp"
#include "platform/schema/schema.hpp"
#include "platform/db/database.hpp"

namespace tongban::cases {

struct VersionInfo {
  catalog::Version version;
  nlohmann::json elements;  // as stored: the form schema and the guide's wording
  StepPlan plan;
  std::shared_ptr<const schema::Schema> form;  // the form schema, compiled
};

// The version, from the cache or the database (then cached). nullptr when there is none. Only
// versions that have been published are cached; a draft is read afresh each time. Thread-safe.
std::shared_ptr<const VersionInfo> FindVersionInfo(db::Tx& tx, std::int64_t entry_id, int version_no);

}  // namespace tongban::cases
