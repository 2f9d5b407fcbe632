// Catalogue statistics for leaders (store.hpp): counts and limits over the active entries'
// published versions, and the dated changes by month.
#include <map>

#include "catalog/store.hpp"

namespace tongban::catalog::store {
namespace {

constexpr const char* kPublishedActive =
    " FROM catalog_entries e JOIN catalog_base_items b ON b.id = e.base_item_id "
    "JOIN catalog_versions v ON v.entry_id = e.id AND v.version_no = e.published_version_no "
    "WHERE e.status = 'active'";

}  // namespace

std::vector<StatRow> StatsBy(db::Tx& tx, const std::string& dimension) {
  static const std::map<std::string, std::string> kColumns = {
      {"department", "e.department_id"}, {"level", "e.level"},      {"power_type", "b.power_type"},
      {"visits", "v.visits"},            {"online_depth", "v.online_depth"}};
  const auto column = kColumns.find(dimension);
  if (column == kColumns.end()) throw std::logic_error("unknown catalogue statistic: " + dimension);
  std::vector<StatRow> out;
  for (const auto& r : tx.Query("SELECT " + column->second +
                                ", COUNT(*), SUM(v.statutory_limit_days), SUM(v.committed_limit_days)" +
                                kPublishedActive + " GROUP BY " + column->second + " ORDER BY COUNT(*) DESC")
                           .rows)
    out.push_back({r.Text(0), r.Int(1), r.Int(2), r.Int(3)});
  return out;
}

std::int64_t CountBaseItems(db::Tx& tx) { return tx.QueryOne("SELECT COUNT(*) FROM catalog_base_items")->Int(0); }

std::vector<std::tuple<std::string, std::string, std::int64_t>> ChangesByMonth(db::Tx& tx) {
  std::vector<std::tuple<std::string, std::string, std::int64_t>> out;
  for (const auto& r : tx.Query("SELECT SUBSTR(effective_on, 1, 7) AS month, kind, COUNT(*) FROM catalog_changes "
                                "GROUP BY SUBSTR(effective_on, 1, 7), kind ORDER BY month")
                           .rows)
    out.emplace_back(r.Text(0), r.Text(1), r.Int(2));
  return out;
}

}  // namespace tongban::catalog::store
