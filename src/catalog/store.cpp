#include "catalog/store.hpp"

#include "catalog/store_util.hpp"

namespace tongban::catalog::store {
namespace {

constexpr const char* kBaseColumns = "id, code, name, power_type, legal_basis, audience, themes, levels";
constexpr const char* kInsertBase =
    "INSERT INTO catalog_base_items (code, name, power_type, legal_basis, audience, themes, levels, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateBase =
    "UPDATE catalog_base_items SET name = ?, power_type = ?, legal_basis = ?, audience = ?, themes = ?, levels = ?, "
    "updated_at = ? WHERE id = ?";

constexpr const char* kTypeColumns =
    "id, code, name, issuing_department_id, holder_type, validity_years, fields_schema, status";
constexpr const char* kInsertType =
    "INSERT INTO catalog_licence_types (code, name, issuing_department_id, holder_type, validity_years, "
    "fields_schema, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateType =
    "UPDATE catalog_licence_types SET name = ?, issuing_department_id = ?, holder_type = ?, validity_years = ?, "
    "fields_schema = ?, status = ?, updated_at = ? WHERE id = ?";

BaseItem BaseFromRow(const db::Row& r) {
  BaseItem b;
  b.id = r.Int(0);
  b.code = r.Text(1);
  b.name = r.Text(2);
  b.power_type = r.Text(3);
  b.legal_basis = r.Text(4);
  b.audience = SplitPipes(r.Text(5));
  b.themes = SplitPipes(r.Text(6));
  b.levels = SplitPipes(r.Text(7));
  if (r.size() > 8) b.entry_count = r.Int(8);
  return b;
}

LicenceType TypeFromRow(const db::Row& r) {
  LicenceType t;
  t.id = r.Int(0);
  t.code = r.Text(1);
  t.name = r.Text(2);
  t.issuing_department_id = r.Int(3);
  t.holder_type = r.Text(4);
  if (auto years = r.OptInt(5)) t.validity_years = static_cast<int>(*years);
  t.fields_schema = nlohmann::json::parse(r.Text(6));
  t.status = r.Text(7);
  return t;
}

}  // namespace

std::int64_t InsertBaseItem(db::Tx& tx, const BaseItem& b, time::Instant now) {
  const auto at = time::ToMicros(now);
  return tx.InsertReturningId(kInsertBase, {b.code, b.name, b.power_type, b.legal_basis, JoinPipes(b.audience),
                                            JoinPipes(b.themes), JoinPipes(b.levels), at, at});
}

void UpdateBaseItem(db::Tx& tx, const BaseItem& b, time::Instant now) {
  tx.Exec(kUpdateBase, {b.name, b.power_type, b.legal_basis, JoinPipes(b.audience), JoinPipes(b.themes),
                        JoinPipes(b.levels), time::ToMicros(now), b.id});
}

std::optional<BaseItem> FindBaseItem(db::Tx& tx, std::int64_t id) {
  auto row = tx.QueryOne(std::string("SELECT ") + kBaseColumns + " FROM catalog_base_items WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return BaseFromRow(*row);
}

std::optional<BaseItem> FindBaseItemByCode(db::Tx& tx, const std::string& code) {
  auto row = tx.QueryOne(std::string("SELECT ") + kBaseColumns + " FROM catalog_base_items WHERE code = ?", {code});
  if (!row) return std::nullopt;
  return BaseFromRow(*row);
}

std::vector<BaseItem> ListBaseItems(db::Tx& tx, const BaseItemFilter& filter, const http::Paging& paging,
                                    std::int64_t* total) {
  std::string where = " WHERE 1 = 1";
  db::Params params;
  if (!filter.q.empty()) {
    where += " AND (b.code LIKE ? ESCAPE '\\' OR b.name LIKE ? ESCAPE '\\')";
    params.emplace_back(db::LikeContains(filter.q));
    params.emplace_back(db::LikeContains(filter.q));
  }
  if (!filter.power_type.empty()) {
    where += " AND b.power_type = ?";
    params.emplace_back(filter.power_type);
  }
  *total = tx.QueryOne("SELECT COUNT(*) FROM catalog_base_items b" + where, params)->Int(0);
  const std::string sql =
      "SELECT b.id, b.code, b.name, b.power_type, b.legal_basis, b.audience, b.themes, b.levels, "
      "(SELECT COUNT(*) FROM catalog_entries e WHERE e.base_item_id = b.id) FROM catalog_base_items b" + where +
      db::OrderAndPage(paging, {{"code", "b.code"}, {"name", "b.name"}}, "b.code");
  std::vector<BaseItem> out;
  for (const auto& r : tx.Query(sql, params).rows) out.push_back(BaseFromRow(r));
  return out;
}

std::int64_t InsertLicenceType(db::Tx& tx, const LicenceType& t, time::Instant now) {
  const auto at = time::ToMicros(now);
  return tx.InsertReturningId(kInsertType, {t.code, t.name, t.issuing_department_id, t.holder_type, t.validity_years,
                                            t.fields_schema.dump(), t.status, at, at});
}

void UpdateLicenceType(db::Tx& tx, const LicenceType& t, time::Instant now) {
  tx.Exec(kUpdateType, {t.name, t.issuing_department_id, t.holder_type, t.validity_years, t.fields_schema.dump(),
                        t.status, time::ToMicros(now), t.id});
}

std::optional<LicenceType> FindLicenceType(db::Tx& tx, std::int64_t id) {
  auto row = tx.QueryOne(std::string("SELECT ") + kTypeColumns + " FROM catalog_licence_types WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return TypeFromRow(*row);
}

std::optional<LicenceType> FindLicenceTypeByCode(db::Tx& tx, const std::string& code) {
  auto row = tx.QueryOne(std::string("SELECT ") + kTypeColumns + " FROM catalog_licence_types WHERE code = ?", {code});
  if (!row) return std::nullopt;
  return TypeFromRow(*row);
}

std::vector<LicenceType> ListLicenceTypes(db::Tx& tx, const std::string& q, const http::Paging& paging,
                                          std::int64_t* total) {
  std::string where;
  db::Params params;
  if (!q.empty()) {
    where = " WHERE code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\'";
    params.emplace_back(db::LikeContains(q));
    params.emplace_back(db::LikeContains(q));
  }
  *total = tx.QueryOne("SELECT COUNT(*) FROM catalog_licence_types" + where, params)->Int(0);
  std::vector<LicenceType> out;
  for (const auto& r : tx.Query(std::string("SELECT ") + kTypeColumns + " FROM catalog_licence_types" + where +
                                    db::OrderAndPage(paging, {{"code", "code"}, {"name", "name"}}, "code"),
                                params)
                           .rows)
    out.push_back(TypeFromRow(r));
  return out;
}

}  // namespace tongban::catalog::store
