#pragma once
// Checks one row of a list against its kind's columns: the one set of rules for what a person
// types, what a file holds and what the demo loads (service.hpp says which rules). Internal to
// catalog/lists.
#include <string>
#include <string_view>
#include <vector>

#include "catalog/lists/departments.hpp"
#include "catalog/lists/model.hpp"
#include "platform/codes/division_table.hpp"

namespace tongban::catalog::lists {

enum class Source {
  kTyped,     // the API: departments by id; every invalid value refused
  kImported,  // files and demo data: departments by name; a check-character-only credit code kept
};

struct CheckedRow {
  Fields fields;  // trimmed, normalised (enum values, upper-case credit codes, department ids)
  bool needs_review = false;
  std::string review_note;  // "待核实：…" when needs_review
  std::vector<RowProblem> errors, warnings;
};

class RowChecker {
 public:
  // `departments` and `divisions` (may be null: division codes then checked for shape only) must
  // outlive the checker.
  RowChecker(const KindDef& kind, const Departments& departments, const codes::DivisionTable* divisions,
             const Scope& scope, Source source)
      : kind_(kind), departments_(departments), divisions_(divisions), scope_(scope), source_(source) {}

  // Every problem of `raw` (column key → value as given), each stamped with `line`. An error with
  // code "out_of_scope" means the caller may not act for the entry's department.
  CheckedRow Check(const Fields& raw, int line) const;

 private:
  void CheckValue(const Column& column, const std::string& value, int line, CheckedRow& out) const;
  const KindDef& kind_;
  const Departments& departments_;
  const codes::DivisionTable* divisions_;
  const Scope& scope_;
  Source source_;
};

// `text` without surrounding white space, ASCII or the ideographic space U+3000 that Chinese input
// methods type.
std::string TrimValue(std::string_view text);

}  // namespace tongban::catalog::lists
