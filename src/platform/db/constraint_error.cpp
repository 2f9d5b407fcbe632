#include "platform/db/constraint_error.hpp"

namespace tongban::db {
namespace {
const char* CodeFor(ConstraintError::Kind kind) {
  switch (kind) {
    case ConstraintError::Kind::kUnique: return "db.unique_violation";
    case ConstraintError::Kind::kForeignKey: return "db.foreign_key_violation";
    case ConstraintError::Kind::kNotNull: return "db.not_null_violation";
    case ConstraintError::Kind::kCheck: return "db.check_violation";
    default: return "db.constraint_violation";
  }
}
}  // namespace

ConstraintError::ConstraintError(Kind kind, std::string constraint, std::string engine_message)
    : Error(409, CodeFor(kind), "数据约束冲突：" + constraint,
            "The change violates a data constraint: " + constraint),
      kind_(kind),
      constraint_(std::move(constraint)) {
  // The engine's own words go to the log (what()), not to the caller.
  WithDetails({{"constraint", constraint_}});
  (void)engine_message;
}

bool ConstraintError::Concerns(std::string_view name) const {
  return constraint_.find(name) != std::string::npos;
}

}  // namespace tongban::db
