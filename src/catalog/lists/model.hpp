#pragma once
// The government lists 各类清单 (DOMAIN.md "Catalogue of services and the lists"): 权责清单 power,
// 职责任务清单 duty, 职责边界清单 boundary, 属地管理事项责任清单 territorial, 证明事项清单 proof,
// 不予行政处罚事项清单 no_penalty and 减轻处罚清单 lighter_penalty.
//
// A kind of list is data, not code: its columns (kinds.cpp) say what an entry holds, and every
// entry of every kind lives in one table, so a new list needs no new SQL. Plain structs.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "platform/time/clock.hpp"

namespace tongban::catalog::lists {

enum class ColumnType {
  kText,        // one line, ≤ max characters
  kLongText,    // multi-line
  kDepartment,  // a department: its id in the API, its exact name in import files
  kDivision,    // GB/T 2260 code, 6 or 9 digits, known to the division table
  kEnum,        // one of `options`
  kCreditCode,  // 统一社会信用代码 (GB 32100)
  kInt,
};
const char* ToString(ColumnType type);

struct EnumOption {
  std::string value, label_zh, label_en;
};

struct Column {
  std::string key;  // the field's name in JSON, "legal_basis"
  std::string label_zh, label_en;
  ColumnType type = ColumnType::kText;
  bool required = false;
  std::size_t max = 200;  // characters
  std::vector<EnumOption> options;
};

// One kind of list. The roles name columns whose values the generic table keeps in its own
// columns too, for uniqueness and lookups ("" when the kind has none).
struct KindDef {
  std::string kind;  // "power"
  std::string name_zh, name_en;
  std::vector<Column> columns;
  std::string code_column;        // unique per kind when present
  std::string department_column;  // the entry's department (filters, scope)
  std::string matter_column;      // 事项, matched by FindResponsible
  std::string division_column;    // unique per kind together with the matter
  const Column* FindColumn(std::string_view key) const;
};

// A row's values by column key, as text: a department as its id in decimal, "" or absent when
// empty. Values are trimmed.
using Fields = std::map<std::string, std::string>;

struct Entry {
  std::int64_t id = 0;
  std::string kind;
  Fields fields;
  std::optional<std::string> code;
  std::optional<std::string> matter;
  std::optional<std::int64_t> department_id;
  std::optional<std::string> division_code;
  bool needs_review = false;  // kept from an import with a doubtful value 待核实
  std::string review_note;
  time::Instant created_at, updated_at;
  std::string created_by, updated_by;
  // Filled by the service for display: department column key → the department's name.
  std::map<std::string, std::string> department_names;
};

// What a caller's data scope reaches (identity::VisibleDepartments): nullopt is everything.
using Scope = std::optional<std::set<std::int64_t>>;

struct EntryFilter {
  std::string kind;
  std::string q;  // substring of any field (or a department's name); "" = all
  std::optional<std::int64_t> department_id;
  std::optional<std::string> division_code;
  std::optional<bool> needs_review;
};

// 属地管理: who answers for a matter at a place.
struct Responsibility {
  std::int64_t entry_id = 0;
  std::string matter;
  std::string division_code;          // as asked
  std::string matched_division_code;  // the entry's: the asked one or a parent
  std::int64_t department_id = 0;
  std::string department_name;
  std::string street;
  std::string cooperation;
};

// ---- import ------------------------------------------------------------------------------------
enum class FileFormat { kCsv, kXlsx };

struct ImportOptions {
  bool partial = false;  // import the good rows even when some are bad
  bool dry_run = false;  // check and report only
};

// One problem of one row (or of the header, line = its line), in both languages.
struct RowProblem {
  int line = 0;
  std::string column;  // column key, "" for the whole row
  std::string code;    // "required", "unknown_department", "duplicate_code", ...
  std::string message_zh, message_en;
};

struct ImportReport {
  int imported = 0;                  // rows written (or, in a dry run, that would be)
  int rejected = 0;                  // bad rows
  std::vector<RowProblem> errors;    // every problem of every rejected row
  std::vector<RowProblem> warnings;  // kept rows flagged 待核实, ignored columns
  bool applied = false;              // rows were written
  std::vector<std::int64_t> ids;     // the new entries, in file order
};

}  // namespace tongban::catalog::lists
