#pragma once
// A constraint the database refused. Stores catch it and turn it into their own error
// (`catalog.duplicate_code`); one that escapes still answers 409, never 500.
#include <string>

#include "platform/errors/error.hpp"

namespace tongban::db {

class ConstraintError : public Error {
 public:
  enum class Kind { kUnique, kForeignKey, kNotNull, kCheck, kOther };
  ConstraintError(Kind kind, std::string constraint, std::string engine_message);
  Kind kind() const { return kind_; }
  // The constraint or index name where the engine tells it (PostgreSQL), else the engine's text
  // naming the columns (SQLite: "UNIQUE constraint failed: users.username").
  const std::string& constraint() const { return constraint_; }
  // True when this violation concerns `name` (a constraint, index, table.column or column).
  bool Concerns(std::string_view name) const;

 private:
  Kind kind_;
  std::string constraint_;
};

}  // namespace tongban::db
