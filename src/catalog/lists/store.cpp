#include "catalog/lists/store.hpp"

#include <nlohmann/json.hpp>

#include "platform/db/constraint_error.hpp"
#include "platform/db/list_sql.hpp"

namespace tongban::catalog::lists {
namespace {

constexpr const char* kColumns =
    "id, kind, fields, needs_review, review_note, created_at, created_by, updated_at, updated_by, code, matter, "
    "department_id, division_code";
constexpr const char* kInsert =
    "INSERT INTO catalog_list_entries (kind, code, matter, department_id, division_code, fields, search, needs_review, "
    "review_note, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kUpdate =
    "UPDATE catalog_list_entries SET code = ?, matter = ?, department_id = ?, division_code = ?, fields = ?, "
    "search = ?, needs_review = ?, review_note = ?, updated_at = ?, updated_by = ? WHERE id = ? AND kind = ?";
constexpr const char* kDelete = "DELETE FROM catalog_list_entries WHERE id = ? AND kind = ?";
constexpr const char* kFindCode = "SELECT id FROM catalog_list_entries WHERE kind = ? AND code = ?";
constexpr const char* kFindPlace =
    "SELECT id FROM catalog_list_entries WHERE kind = ? AND matter = ? AND division_code = ?";
constexpr const char* kCodes = "SELECT code FROM catalog_list_entries WHERE kind = ? AND code IS NOT NULL";
constexpr const char* kPlaces =
    "SELECT matter, division_code FROM catalog_list_entries WHERE kind = ? AND matter IS NOT NULL AND division_code IS "
    "NOT NULL";

std::string FieldsText(const Fields& fields) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : fields)
    if (!v.empty()) j[k] = v;
  return j.dump();
}

Entry FromRow(const db::Row& r) {
  Entry e;
  e.id = r.Int(0);
  e.kind = r.Text(1);
  const auto fields = nlohmann::json::parse(r.Text(2));
  for (auto it = fields.begin(); it != fields.end(); ++it) e.fields[it.key()] = it.value().get<std::string>();
  e.needs_review = r.Bool(3);
  e.review_note = r.Text(4);
  e.created_at = time::FromMicros(r.Int(5));
  e.created_by = r.Text(6);
  e.updated_at = time::FromMicros(r.Int(7));
  e.updated_by = r.Text(8);
  e.code = r.OptText(9);
  e.matter = r.OptText(10);
  e.department_id = r.OptInt(11);
  e.division_code = r.OptText(12);
  return e;
}

std::string LowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The unique indexes are the last word on duplicates when two writers race past the service's
// own check.
template <class F>
auto MapDuplicate(F&& write) {
  try {
    return write();
  } catch (const db::ConstraintError& e) {
    if (e.kind() != db::ConstraintError::Kind::kUnique) throw;
    throw Error::Conflict("catalog.list.duplicate", "清单中已有相同编码（或同一区划的同一事项）的条目",
                          "The list already has an entry with this code (or this matter at this division)");
  }
}

}  // namespace

std::vector<Entry> ListStore::List(db::Tx& tx, const EntryFilter& filter, const http::Paging* paging,
                                   std::int64_t* total) {
  std::string where = " FROM catalog_list_entries WHERE kind = ?";
  db::Params params{filter.kind};
  if (!filter.q.empty()) {
    where += " AND search LIKE ? ESCAPE '\\'";
    params.emplace_back(db::LikeContains(LowerAscii(filter.q)));
  }
  if (filter.department_id) {
    where += " AND department_id = ?";
    params.emplace_back(*filter.department_id);
  }
  if (filter.division_code) {
    where += " AND division_code = ?";
    params.emplace_back(*filter.division_code);
  }
  if (filter.needs_review) {
    where += " AND needs_review = ?";
    params.emplace_back(*filter.needs_review);
  }
  if (total) *total = tx.QueryOne("SELECT COUNT(*)" + where, params)->Int(0);

  std::string order = " ORDER BY id";
  if (paging && !paging->sort.empty()) {
    order = " ORDER BY ";
    for (const auto& key : paging->sort) {
      // ParsePaging admitted only these fields; the map keeps SQL out of the caller's hands.
      const char* column = key.field == "code" ? "code" : key.field == "updated_at" ? "updated_at" : "id";
      order += std::string(column) + (key.descending ? " DESC, " : ", ");
    }
    order += "id";
  }
  if (paging) {
    order += " LIMIT ? OFFSET ?";
    params.emplace_back(paging->size);
    params.emplace_back(paging->offset());
  }
  std::vector<Entry> out;
  for (const auto& r : tx.Query(std::string("SELECT ") + kColumns + where + order, params).rows)
    out.push_back(FromRow(r));
  return out;
}

std::optional<Entry> ListStore::Find(db::Tx& tx, const std::string& kind, std::int64_t id) {
  auto row = tx.QueryOne(std::string("SELECT ") + kColumns + " FROM catalog_list_entries WHERE id = ? AND kind = ?",
                         {id, kind});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::int64_t ListStore::Insert(db::Tx& tx, const Entry& e, const std::string& search) {
  return MapDuplicate([&] {
    return tx.InsertReturningId(
        kInsert, {e.kind, e.code, e.matter, e.department_id, e.division_code, FieldsText(e.fields), LowerAscii(search),
                  e.needs_review, e.review_note, time::ToMicros(e.created_at), e.created_by,
                  time::ToMicros(e.updated_at), e.updated_by});
  });
}

bool ListStore::Update(db::Tx& tx, const Entry& e, const std::string& search) {
  return MapDuplicate([&] {
    return tx.Exec(kUpdate,
                   {e.code, e.matter, e.department_id, e.division_code, FieldsText(e.fields), LowerAscii(search),
                    e.needs_review, e.review_note, time::ToMicros(e.updated_at), e.updated_by, e.id, e.kind}) > 0;
  });
}

bool ListStore::Delete(db::Tx& tx, const std::string& kind, std::int64_t id) {
  return tx.Exec(kDelete, {id, kind}) > 0;
}

std::optional<std::int64_t> ListStore::FindCode(db::Tx& tx, const std::string& kind, const std::string& code) {
  auto row = tx.QueryOne(kFindCode, {kind, code});
  if (!row) return std::nullopt;
  return row->Int(0);
}

std::optional<std::int64_t> ListStore::FindPlace(db::Tx& tx, const std::string& kind, const std::string& matter,
                                                 const std::string& division_code) {
  auto row = tx.QueryOne(kFindPlace, {kind, matter, division_code});
  if (!row) return std::nullopt;
  return row->Int(0);
}

std::set<std::string> ListStore::Codes(db::Tx& tx, const std::string& kind) {
  std::set<std::string> out;
  for (const auto& r : tx.Query(kCodes, {kind}).rows) out.insert(r.Text(0));
  return out;
}

std::set<std::pair<std::string, std::string>> ListStore::Places(db::Tx& tx, const std::string& kind) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& r : tx.Query(kPlaces, {kind}).rows) out.emplace(r.Text(0), r.Text(1));
  return out;
}

std::vector<Entry> ListStore::AtPlaces(db::Tx& tx, const std::string& kind, const std::string& matter,
                                       const std::vector<std::string>& division_codes) {
  std::vector<Entry> out;
  if (division_codes.empty()) return out;
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM catalog_list_entries WHERE kind = ? AND matter = ? AND division_code IN (";
  db::Params params{kind, matter};
  for (std::size_t i = 0; i < division_codes.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.emplace_back(division_codes[i]);
  }
  for (const auto& r : tx.Query(sql + ")", params).rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace tongban::catalog::lists
