#pragma once
// The SQL of catalog_list_entries, and the only code that touches it. Every function runs in the
// caller's transaction; writers need a write transaction.
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "catalog/lists/model.hpp"
#include "platform/db/database.hpp"
#include "platform/http/paging.hpp"

namespace tongban::catalog::lists {

class ListStore {
 public:
  // Matching entries in the paging's order (sort fields id, code, updated_at; default id), and
  // their count in `total` when not null. `paging` null: every match, in id order.
  static std::vector<Entry> List(db::Tx& tx, const EntryFilter& filter, const http::Paging* paging,
                                 std::int64_t* total);
  // nullopt when there is no entry `id` of `kind`.
  static std::optional<Entry> Find(db::Tx& tx, const std::string& kind, std::int64_t id);
  // Inserts `entry` (its id, created_* and updated_* are set by the caller or ignored: id is
  // returned). A code or (matter, division) already on the list is 409 catalog.list.duplicate.
  static std::int64_t Insert(db::Tx& tx, const Entry& entry, const std::string& search);
  // Rewrites the entry's fields, keys, review flag and updated_*. False when there is no such row.
  // Same 409 as Insert.
  static bool Update(db::Tx& tx, const Entry& entry, const std::string& search);
  static bool Delete(db::Tx& tx, const std::string& kind, std::int64_t id);

  // The id of the entry of `kind` with this code / matter at this division, or nullopt.
  static std::optional<std::int64_t> FindCode(db::Tx& tx, const std::string& kind, const std::string& code);
  static std::optional<std::int64_t> FindPlace(db::Tx& tx, const std::string& kind, const std::string& matter,
                                               const std::string& division_code);
  // Every code / (matter, division) pair of `kind`, for checking a whole import file at once.
  static std::set<std::string> Codes(db::Tx& tx, const std::string& kind);
  static std::set<std::pair<std::string, std::string>> Places(db::Tx& tx, const std::string& kind);
  // Entries of `kind` for `matter` at any of `division_codes`.
  static std::vector<Entry> AtPlaces(db::Tx& tx, const std::string& kind, const std::string& matter,
                                     const std::vector<std::string>& division_codes);
};

}  // namespace tongban::catalog::lists
