#pragma once
// The rules of the government lists 各类清单: entries typed by a person, files imported, exports,
// and the questions other modules ask (is this proof on the retained list; who is responsible for a
// matter at a place). Every write runs in the caller's write transaction with its audit record;
// nothing here speaks HTTP.
//
// Checks (one set for every source, see checker.hpp): required columns, lengths in characters,
// enum values, departments (by id when typed, by exact name in files and demo data; they must exist
// and be active), division codes known to the division table, credit codes by GB 32100. What a
// person types is refused when invalid (422 catalog.list.invalid, field errors at /fields/<key>);
// in an imported file a credit code failing ONLY its check character is a warning: the row is kept
// and flagged needs_review with a review note starting 待核实 — never a silent drop.
// Codes are unique per kind, and so is a territorial (matter, division) pair: 409
// catalog.list.duplicate when typed, a row error when imported.
//
// Scope: writers pass the departments the caller may act for (identity::VisibleDepartments;
// nullopt = all); an entry whose department lies outside is 403 catalog.list.out_of_scope (a row
// error in an import).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/model.hpp"
#include "catalog/lists/kinds.hpp"
#include "catalog/lists/model.hpp"
#include "platform/codes/division_table.hpp"
#include "platform/db/database.hpp"
#include "platform/http/paging.hpp"
#include "platform/tabular/tabular.hpp"

namespace tongban::catalog::lists {

// The kind's definition; 404 catalog.list.unknown_kind.
const KindDef& RequireKind(std::string_view kind);

// ---- reading (any transaction) -----------------------------------------------------------------
// Entries of filter.kind matching the filter, department names filled; sort fields: id, code,
// updated_at (default id, the order they were entered). `total` receives the count of all matches.
// `q` matches any value, an enum's Chinese label, or a department's name as of the entry's last
// write (a renamed department is found by its new name once the entry is saved again).
std::vector<Entry> ListEntries(db::Tx& tx, const EntryFilter& filter, const http::Paging& paging, std::int64_t* total);
// 404 catalog.list.entry_not_found (also for an id of another kind).
Entry GetEntry(db::Tx& tx, std::string_view kind, std::int64_t id);

// ---- writing (a write transaction, with the audit record) --------------------------------------
// `fields`: column key → value as typed (a department as its id in decimal). Unknown keys are
// refused. The new entry, needs_review false.
Entry CreateEntry(db::Tx& tx, time::Instant now, const audit::Actor& actor, const codes::DivisionTable* divisions,
                  const Scope& scope, std::string_view kind, const Fields& fields);
// Replaces every field (an absent key empties the column) and clears a 待核实 flag: a person has now
// checked the entry. Scope applies to the old department and the new one. 404 as GetEntry.
Entry UpdateEntry(db::Tx& tx, time::Instant now, const audit::Actor& actor, const codes::DivisionTable* divisions,
                  const Scope& scope, std::string_view kind, std::int64_t id, const Fields& fields);
// 404 as GetEntry.
void DeleteEntry(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope, std::string_view kind,
                 std::int64_t id);

// An uploaded file, read: the table and what the audit record names it by.
struct Upload {
  FileFormat format = FileFormat::kXlsx;
  tabular::Table table;
  std::string sha256;  // of the bytes as sent
};
// Reads a CSV or XLSX file (platform/tabular; 422 tabular.bad_file when it cannot be read). Call it
// before opening the transaction: parsing a large file must not hold the write lock.
Upload ReadUpload(std::string_view bytes, FileFormat format);

// Imports an uploaded file into the list `kind`. The header row is matched to columns by Chinese
// label, English label or key (a '*' marking required columns is ignored); a missing required
// column or a repeated one is 422 catalog.list.bad_header, an unknown column a warning (ignored);
// a row with nothing in the list's columns is no entry and is skipped. Every bad row is reported with its line and
// every reason (unknown department name, missing required field, duplicate code within the file or against the stored
// list, bad division, bad credit code, too long, ...). Rows are written only when none is bad, or when options.partial
// (then the good ones); never in a dry run. One audit record (catalog.list.import) summarises a
// write. The caller answers 422 when the report has errors and nothing was applied (routes.cpp).
ImportReport ImportFile(db::Tx& tx, time::Instant now, const audit::Actor& actor, const codes::DivisionTable* divisions,
                        const Scope& scope, std::string_view kind, const Upload& upload, const ImportOptions& options);

// The whole list (filtered) as a table for tabular::WriteXlsx / WriteCsv: the Chinese labels as the
// header, departments by name, enum values by Chinese label — the shape ImportFile reads back.
tabular::Table ExportTable(db::Tx& tx, const EntryFilter& filter);

// ---- for other modules -------------------------------------------------------------------------
// True when the list `kind` has an entry with this code (trimmed; exact). False for an unknown kind.
bool IsOnList(db::Tx& tx, std::string_view kind, std::string_view code);

// Who answers for `matter` at `division_code` (属地管理事项责任清单): the territorial entry with the
// matter exactly (trimmed) at the division itself, else at its parents by code — a 9-digit street
// → its 6-digit county (first 6 digits) → its city (first 4 digits + "00"). nullopt when none, or
// when the division is not 6 or 9 digits.
std::optional<Responsibility> FindResponsible(db::Tx& tx, std::string_view matter, std::string_view division_code);

// For the demo loader: `rows` is an array of objects keyed by column key, departments by NAME
// (as in import files), checked like an import; a credit code failing only its check character is
// kept flagged 待核实. Throws Error 422 catalog.list.bad_demo_row naming the first bad row (its index
// and reasons); 404 for an unknown kind. With `divisions` null a division code is checked for its
// shape only (6 or 9 digits): pass the table when there is one.
void LoadDemoRows(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::string_view kind,
                  const nlohmann::json& rows, const codes::DivisionTable* divisions = nullptr);

}  // namespace tongban::catalog::lists
