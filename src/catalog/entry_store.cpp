// Implementation entries, their versions and their dated changes (store.hpp).
#include "catalog/elements_json.hpp"
#include "catalog/store.hpp"
#include "catalog/store_util.hpp"

namespace tongban::catalog::store {
namespace {

constexpr const char* kEntryColumns =
    "e.id, e.code, e.base_item_id, e.department_id, e.division_code, e.level, e.status, e.handled_since, e.ended_on, "
    "e.origin_entry_id, e.published_version_no, e.latest_version_no, e.row_version, e.created_at, e.updated_at";
constexpr const char* kInsertEntry =
    "INSERT INTO catalog_entries (code, base_item_id, department_id, division_code, level, status, handled_since, "
    "ended_on, origin_entry_id, published_version_no, latest_version_no, row_version, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr const char* kUpdateEntry =
    "UPDATE catalog_entries SET status = ?, ended_on = ?, handled_since = ?, published_version_no = ?, "
    "latest_version_no = ?, row_version = row_version + 1, updated_at = ? WHERE id = ? AND row_version = ?";

constexpr const char* kVersionColumns =
    "entry_id, version_no, state, created_at, created_by, published_at, withdrawn_at";
constexpr const char* kInsertVersion =
    "INSERT INTO catalog_versions (entry_id, version_no, state, elements, statutory_limit_days, committed_limit_days, "
    "immediate, visits, online_depth, window_category, created_at, created_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kUpdateDraft =
    "UPDATE catalog_versions SET elements = ?, statutory_limit_days = ?, committed_limit_days = ?, immediate = ?, "
    "visits = ?, online_depth = ?, window_category = ? WHERE entry_id = ? AND version_no = ? AND state = 'draft'";

constexpr const char* kChangeColumns =
    "c.id, c.entry_id, c.kind, c.effective_on, c.at, c.actor, c.version_no, c.from_department_id, "
    "c.to_department_id, c.related_entry_id, c.note, e.code, b.name";
constexpr const char* kChangeFrom =
    " FROM catalog_changes c JOIN catalog_entries e ON e.id = c.entry_id "
    "JOIN catalog_base_items b ON b.id = e.base_item_id";
constexpr const char* kInsertChange =
    "INSERT INTO catalog_changes (entry_id, kind, effective_on, at, actor, version_no, from_department_id, "
    "to_department_id, related_entry_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

Entry EntryFromRow(const db::Row& r) {
  Entry e;
  e.id = r.Int(0);
  e.code = r.Text(1);
  e.base_item_id = r.Int(2);
  e.department_id = r.Int(3);
  e.division_code = r.Text(4);
  e.level = r.Text(5);
  e.status = r.Text(6);
  e.handled_since = r.Text(7);
  e.ended_on = r.OptText(8);
  e.origin_entry_id = r.OptInt(9);
  if (auto v = r.OptInt(10)) e.published_version_no = static_cast<int>(*v);
  e.latest_version_no = static_cast<int>(r.Int(11));
  e.row_version = static_cast<int>(r.Int(12));
  e.created_at = time::FromMicros(r.Int(13));
  e.updated_at = time::FromMicros(r.Int(14));
  return e;
}

Version VersionFromRow(const db::Row& r) {
  Version v;
  v.entry_id = r.Int(0);
  v.version_no = static_cast<int>(r.Int(1));
  v.state = r.Text(2);
  v.created_at = time::FromMicros(r.Int(3));
  v.created_by = r.Text(4);
  if (auto at = r.OptInt(5)) v.published_at = time::FromMicros(*at);
  if (auto at = r.OptInt(6)) v.withdrawn_at = time::FromMicros(*at);
  return v;
}

Change ChangeFromRow(const db::Row& r) {
  Change c;
  c.id = r.Int(0);
  c.entry_id = r.Int(1);
  c.kind = r.Text(2);
  c.effective_on = r.Text(3);
  c.at = time::FromMicros(r.Int(4));
  c.actor = r.Text(5);
  if (auto v = r.OptInt(6)) c.version_no = static_cast<int>(*v);
  c.from_department_id = r.OptInt(7);
  c.to_department_id = r.OptInt(8);
  c.related_entry_id = r.OptInt(9);
  c.note = r.Text(10);
  c.entry_code = r.Text(11);
  c.entry_name = r.Text(12);
  return c;
}

db::Params FigureParams(const Elements& e) {
  return {e.statutory_limit_days, e.committed_limit_days, e.immediate, e.visits, e.online_depth, e.window_category};
}

}  // namespace

std::int64_t InsertEntry(db::Tx& tx, const Entry& e) {
  return tx.InsertReturningId(kInsertEntry, {e.code, e.base_item_id, e.department_id, e.division_code, e.level,
                                             e.status, e.handled_since, e.ended_on, e.origin_entry_id,
                                             e.published_version_no, e.latest_version_no,
                                             time::ToMicros(e.created_at), time::ToMicros(e.updated_at)});
}

std::optional<Entry> FindEntry(db::Tx& tx, std::int64_t id) {
  auto row = tx.QueryOne(std::string("SELECT ") + kEntryColumns + " FROM catalog_entries e WHERE e.id = ?", {id});
  if (!row) return std::nullopt;
  return EntryFromRow(*row);
}

std::optional<Entry> FindEntryByCode(db::Tx& tx, const std::string& code) {
  auto row = tx.QueryOne(std::string("SELECT ") + kEntryColumns + " FROM catalog_entries e WHERE e.code = ?", {code});
  if (!row) return std::nullopt;
  return EntryFromRow(*row);
}

std::vector<Entry> ListPublishedActiveEntries(db::Tx& tx) {
  std::vector<Entry> out;
  for (const auto& r : tx.Query(std::string("SELECT ") + kEntryColumns +
                                " FROM catalog_entries e WHERE e.status = 'active' AND e.published_version_no IS NOT NULL "
                                "ORDER BY e.id")
                           .rows)
    out.push_back(EntryFromRow(r));
  return out;
}

std::vector<EntrySummary> ListEntries(db::Tx& tx, const EntryFilter& f, const http::Paging& paging,
                                      std::int64_t* total) {
  std::string from =
      " FROM catalog_entries e JOIN catalog_base_items b ON b.id = e.base_item_id "
      "JOIN catalog_versions v ON v.entry_id = e.id AND v.version_no = e.latest_version_no WHERE 1 = 1";
  db::Params params;
  if (!f.q.empty()) {
    from += " AND (e.code LIKE ? ESCAPE '\\' OR b.code LIKE ? ESCAPE '\\' OR b.name LIKE ? ESCAPE '\\')";
    for (int i = 0; i < 3; ++i) params.push_back(db::LikeContains(f.q));
  }
  if (f.department_id) {
    from += " AND e.department_id = ?";
    params.push_back(*f.department_id);
  }
  const std::vector<std::pair<std::string, std::string>> exact = {
      {"b.power_type", f.power_type}, {"e.level", f.level}, {"e.status", f.status}, {"v.state", f.state}};
  for (const auto& [column, value] : exact) {
    if (value.empty()) continue;
    from += " AND " + column + " = ?";
    params.push_back(value);
  }
  *total = tx.QueryOne("SELECT COUNT(*)" + from, params)->Int(0);
  const std::string sql = std::string("SELECT ") + kEntryColumns +
                          ", b.code, b.name, b.power_type, v.state, v.committed_limit_days, v.statutory_limit_days" +
                          from +
                          db::OrderAndPage(paging,
                                       {{"code", "e.code"}, {"name", "b.name"}, {"updated_at", "e.updated_at"},
                                        {"handled_since", "e.handled_since"}},
                                       "e.code");
  std::vector<EntrySummary> out;
  for (const auto& r : tx.Query(sql, params).rows) {
    EntrySummary s;
    s.entry = EntryFromRow(r);
    s.base_code = r.Text(15);
    s.name = r.Text(16);
    s.power_type = r.Text(17);
    s.latest_state = r.Text(18);
    s.committed_limit_days = static_cast<int>(r.Int(19));
    s.statutory_limit_days = static_cast<int>(r.Int(20));
    out.push_back(std::move(s));
  }
  return out;
}

void UpdateEntry(db::Tx& tx, const Entry& e, time::Instant now) {
  tx.ExecConditional(kUpdateEntry,
                     {e.status, e.ended_on, e.handled_since, e.published_version_no, e.latest_version_no, time::ToMicros(now), e.id,
                      e.row_version},
                     "catalog.concurrent_change");
}

void InsertVersion(db::Tx& tx, const Version& v, const std::string& elements_json) {
  db::Params params = {v.entry_id, v.version_no, v.state, elements_json};
  for (auto& p : FigureParams(v.elements)) params.push_back(std::move(p));
  params.push_back(time::ToMicros(v.created_at));
  params.push_back(v.created_by);
  tx.Exec(kInsertVersion, params);
}

void UpdateDraft(db::Tx& tx, std::int64_t entry_id, int version_no, const Elements& elements,
                 const std::string& elements_json) {
  db::Params params = {elements_json};
  for (auto& p : FigureParams(elements)) params.push_back(std::move(p));
  params.push_back(entry_id);
  params.push_back(version_no);
  tx.ExecConditional(kUpdateDraft, params, "catalog.concurrent_change");
}

void SetVersionState(db::Tx& tx, std::int64_t entry_id, int version_no, const std::string& from_state,
                     const std::string& to_state, time::Instant now) {
  const char* stamp = to_state == "published" ? "published_at" : "withdrawn_at";
  tx.ExecConditional(std::string("UPDATE catalog_versions SET state = ?, ") + stamp +
                         " = ? WHERE entry_id = ? AND version_no = ? AND state = ?",
                     {to_state, time::ToMicros(now), entry_id, version_no, from_state}, "catalog.concurrent_change");
}

std::optional<Version> FindVersion(db::Tx& tx, std::int64_t entry_id, int version_no) {
  auto row = tx.QueryOne(std::string("SELECT ") + kVersionColumns +
                             ", elements FROM catalog_versions WHERE entry_id = ? AND version_no = ?",
                         {entry_id, version_no});
  if (!row) return std::nullopt;
  Version v = VersionFromRow(*row);
  v.elements = ElementsFromStored(row->Text(7));
  return v;
}

std::optional<std::pair<std::string, std::optional<time::Instant>>> VersionElementsText(db::Tx& tx, std::int64_t entry_id,
                                                                                      int version_no) {
  auto row = tx.QueryOne("SELECT elements, published_at FROM catalog_versions WHERE entry_id = ? AND version_no = ?",
                         {entry_id, version_no});
  if (!row) return std::nullopt;
  std::optional<time::Instant> published_at;
  if (auto at = row->OptInt(1)) published_at = time::FromMicros(*at);
  return std::make_pair(row->Text(0), published_at);
}

std::vector<Version> ListVersions(db::Tx& tx, std::int64_t entry_id) {
  std::vector<Version> out;
  for (const auto& r : tx.Query(std::string("SELECT ") + kVersionColumns +
                                    " FROM catalog_versions WHERE entry_id = ? ORDER BY version_no DESC",
                                {entry_id})
                           .rows)
    out.push_back(VersionFromRow(r));
  return out;
}

void InsertChange(db::Tx& tx, const Change& c) {
  tx.Exec(kInsertChange, {c.entry_id, c.kind, c.effective_on, time::ToMicros(c.at), c.actor, c.version_no,
                          c.from_department_id, c.to_department_id, c.related_entry_id, c.note});
}

std::vector<Change> ListEntryChanges(db::Tx& tx, std::int64_t entry_id) {
  std::vector<Change> out;
  for (const auto& r : tx.Query(std::string("SELECT ") + kChangeColumns + kChangeFrom +
                                    " WHERE c.entry_id = ? ORDER BY c.at DESC, c.id DESC",
                                {entry_id})
                           .rows)
    out.push_back(ChangeFromRow(r));
  return out;
}

std::vector<Change> ListChanges(db::Tx& tx, const ChangeFilter& f, const http::Paging& paging, std::int64_t* total) {
  std::string where = " WHERE 1 = 1";
  db::Params params;
  if (f.department_id) {
    where += " AND (e.department_id = ? OR c.from_department_id = ? OR c.to_department_id = ?)";
    params.insert(params.end(), {*f.department_id, *f.department_id, *f.department_id});
  }
  if (!f.kind.empty()) {
    where += " AND c.kind = ?";
    params.push_back(f.kind);
  }
  if (!f.from.empty()) {
    where += " AND c.effective_on >= ?";
    params.push_back(f.from);
  }
  if (!f.to.empty()) {
    where += " AND c.effective_on <= ?";
    params.push_back(f.to);
  }
  *total = tx.QueryOne(std::string("SELECT COUNT(*)") + kChangeFrom + where, params)->Int(0);
  std::vector<Change> out;
  for (const auto& r : tx.Query(std::string("SELECT ") + kChangeColumns + kChangeFrom + where +
                                    db::OrderAndPage(paging, {{"effective_on", "c.effective_on"}, {"at", "c.at"}},
                                                 "c.effective_on DESC, c.id DESC"),
                                params)
                           .rows)
    out.push_back(ChangeFromRow(r));
  return out;
}

}  // namespace tongban::catalog::store
