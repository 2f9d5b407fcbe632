#pragma once
// The SQL of the catalogue's tables, and the only code that touches them (the lists have their
// own store in catalog/lists/). Every function runs in the caller's transaction; writers need a
// write transaction. Misses are nullopt; unique violations surface as db::ConstraintError (409),
// but the service checks codes first so the caller gets a clearer message.
#include <optional>
#include <string>
#include <vector>

#include "catalog/model.hpp"
#include "platform/db/database.hpp"
#include "platform/http/paging.hpp"

namespace tongban::catalog::store {

// ---- base items (store.cpp) --------------------------------------------------------------------
struct BaseItemFilter {
  std::string q;           // code or name contains
  std::string power_type;  // "" any
};
std::int64_t InsertBaseItem(db::Tx& tx, const BaseItem& item, time::Instant now);
void UpdateBaseItem(db::Tx& tx, const BaseItem& item, time::Instant now);
std::optional<BaseItem> FindBaseItem(db::Tx& tx, std::int64_t id);
std::optional<BaseItem> FindBaseItemByCode(db::Tx& tx, const std::string& code);
std::vector<BaseItem> ListBaseItems(db::Tx& tx, const BaseItemFilter& filter, const http::Paging& paging,
                                    std::int64_t* total);

// ---- licence types (store.cpp) -----------------------------------------------------------------
std::int64_t InsertLicenceType(db::Tx& tx, const LicenceType& type, time::Instant now);
void UpdateLicenceType(db::Tx& tx, const LicenceType& type, time::Instant now);
std::optional<LicenceType> FindLicenceType(db::Tx& tx, std::int64_t id);
std::optional<LicenceType> FindLicenceTypeByCode(db::Tx& tx, const std::string& code);
std::vector<LicenceType> ListLicenceTypes(db::Tx& tx, const std::string& q, const http::Paging& paging,
                                          std::int64_t* total);

// ---- entries, versions, changes (entry_store.cpp) ----------------------------------------------
struct EntryFilter {
  std::string q;                        // entry code, base code or name contains
  std::optional<std::int64_t> department_id;
  std::string power_type, level, status;
  std::string state;                    // the latest version's state
};
std::int64_t InsertEntry(db::Tx& tx, const Entry& entry);
std::optional<Entry> FindEntry(db::Tx& tx, std::int64_t id);
std::optional<Entry> FindEntryByCode(db::Tx& tx, const std::string& code);
std::vector<EntrySummary> ListEntries(db::Tx& tx, const EntryFilter& filter, const http::Paging& paging,
                                      std::int64_t* total);
// Writes status, ended_on, handled_since, published_version_no and latest_version_no of `entry` when its
// row_version is still `entry.row_version`, bumping it; 409 catalog.concurrent_change otherwise.
void UpdateEntry(db::Tx& tx, const Entry& entry, time::Instant now);

// `elements_json` is ElementsToJson(version.elements) as text.
void InsertVersion(db::Tx& tx, const Version& version, const std::string& elements_json);
void UpdateDraft(db::Tx& tx, std::int64_t entry_id, int version_no, const Elements& elements,
                 const std::string& elements_json);
// Moves version `no` from `from_state` to `to_state`, stamping published_at or withdrawn_at;
// 409 catalog.concurrent_change when it is no longer in `from_state`.
void SetVersionState(db::Tx& tx, std::int64_t entry_id, int version_no, const std::string& from_state,
                     const std::string& to_state, time::Instant now);
std::optional<Version> FindVersion(db::Tx& tx, std::int64_t entry_id, int version_no);
// The stored elements JSON text of a version and when it was published (for answers that need
// no model); nullopt on a miss.
std::optional<std::pair<std::string, std::optional<time::Instant>>> VersionElementsText(db::Tx& tx, std::int64_t entry_id,
                                                                                      int version_no);
// Newest first, without elements.
std::vector<Version> ListVersions(db::Tx& tx, std::int64_t entry_id);

void InsertChange(db::Tx& tx, const Change& change);
std::vector<Change> ListEntryChanges(db::Tx& tx, std::int64_t entry_id);
struct ChangeFilter {
  std::optional<std::int64_t> department_id;  // changes of that department's entries, or to/from it
  std::string kind;
  std::string from, to;                       // effective_on range, YYYY-MM-DD inclusive
};
std::vector<Change> ListChanges(db::Tx& tx, const ChangeFilter& filter, const http::Paging& paging,
                                std::int64_t* total);

// ---- the public read model and search (public_store.cpp) ---------------------------------------
// Replaces the public row and the search documents of `item`. `body` is the searchable text
// beyond the name (conditions and materials).
void UpsertPublic(db::Tx& tx, const PublicItem& item, const std::string& body);
void DeletePublic(db::Tx& tx, std::int64_t entry_id);
// Empties the read model and the search index (before a rebuild).
void ClearPublic(db::Tx& tx);
// Active entries with a published version, by id.
std::vector<Entry> ListPublishedActiveEntries(db::Tx& tx);

struct PublicFilter {
  std::string q;                              // the user's words; empty lists everything
  std::string audience, theme;
  std::optional<std::int64_t> department_id;
};
// Ranked by relevance when q has words (name hits first), else by code.
std::vector<PublicItem> SearchPublic(db::Tx& tx, const PublicFilter& filter, const http::Paging& paging,
                                     std::int64_t* total);
std::optional<PublicItem> FindPublic(db::Tx& tx, const std::string& code);
struct Count {
  std::string key;
  std::int64_t count = 0;
};
// Published entries by theme (per audience) and by department, for the portal's home page.
std::vector<std::pair<std::string, Count>> PublicThemeCounts(db::Tx& tx);  // (audience, {theme, n})
std::vector<std::pair<std::int64_t, std::int64_t>> PublicDepartmentCounts(db::Tx& tx);

// ---- statistics (stats_store.cpp) --------------------------------------------------------------
// Over active entries' published versions.
struct StatRow {
  std::string key;           // department id as text, level, power type, depth, visits...
  std::int64_t count = 0;
  std::int64_t statutory = 0;
  std::int64_t committed = 0;
};
std::vector<StatRow> StatsBy(db::Tx& tx, const std::string& dimension);  // department|level|power_type|visits|online_depth
std::int64_t CountBaseItems(db::Tx& tx);
// (month YYYY-MM, kind, count) of changes.
std::vector<std::tuple<std::string, std::string, std::int64_t>> ChangesByMonth(db::Tx& tx);

}  // namespace tongban::catalog::store
