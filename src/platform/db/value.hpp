#pragma once
// Values that cross the database boundary: statement parameters and result rows. Plain types only;
// the two engines' C APIs stay inside their connection files.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tongban::db {

enum class Dialect { kSqlite, kPostgres };

// Bytes stored as a BLOB (SQLite) / BYTEA (PostgreSQL).
struct Blob {
  std::string bytes;
};

// A statement parameter. Booleans are stored as integers 0/1 on both engines, so schemas use
// INTEGER for flags and the same SQL runs everywhere.
class Param {
 public:
  using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;
  Param(std::nullptr_t) : value_(nullptr) {}
  Param(int v) : value_(std::int64_t{v}) {}
  Param(long v) : value_(std::int64_t{v}) {}
  Param(long long v) : value_(std::int64_t{v}) {}
  Param(unsigned v) : value_(std::int64_t{v}) {}
  Param(unsigned long v) : value_(static_cast<std::int64_t>(v)) {}
  Param(bool v) : value_(std::int64_t{v ? 1 : 0}) {}
  Param(double v) : value_(v) {}
  Param(const char* v) : value_(std::string(v)) {}
  Param(std::string v) : value_(std::move(v)) {}
  Param(std::string_view v) : value_(std::string(v)) {}
  Param(Blob v) : value_(std::move(v)) {}
  template <class T>
  Param(const std::optional<T>& v) : value_(nullptr) {
    if (v) value_ = Param(*v).value_;
  }
  const Value& value() const { return value_; }

 private:
  Value value_;
};

using Params = std::vector<Param>;

// One result cell as the engine gave it: SQLite keeps its storage class; PostgreSQL returns text
// (bytea already decoded into bytes).
using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

// One row. Accessors convert between integer and text forms so callers need not know the engine;
// asking for a number from text that is not one is a bug and throws std::logic_error.
class Row {
 public:
  explicit Row(std::vector<Cell> cells) : cells_(std::move(cells)) {}
  std::size_t size() const { return cells_.size(); }
  bool IsNull(std::size_t i) const;
  std::int64_t Int(std::size_t i) const;  // NULL → 0
  double Double(std::size_t i) const;     // NULL → 0
  std::string Text(std::size_t i) const;  // NULL → ""
  bool Bool(std::size_t i) const { return Int(i) != 0; }
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;

 private:
  std::vector<Cell> cells_;
};

struct Result {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
};

}  // namespace tongban::db
