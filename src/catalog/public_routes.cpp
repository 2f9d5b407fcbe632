// The public portal's catalogue API (no login): search, the service guide, checking a form, and
// the home page's counts.
#include "catalog/routes.hpp"
#include "catalog/service.hpp"
#include "catalog/wire.hpp"
#include "platform/http/input.hpp"
#include "platform/http/paging.hpp"

namespace tongban::catalog {
namespace {

http::Response SearchItems(AppContext& ctx, http::Request& request) {
  const auto paging = http::ParsePaging(request);
  store::PublicFilter filter;
  filter.q = request.QueryParam("q").value_or("");
  if (http::CharCount(filter.q) > 100)
    throw Error::BadRequest("http.bad_query", "搜索词最多 100 个字符", "The search text may be at most 100 characters");
  filter.audience = request.QueryParam("audience").value_or("");
  if (!filter.audience.empty() && filter.audience != "natural" && filter.audience != "legal")
    throw Error::BadRequest("http.bad_query", "audience 应为 natural 或 legal", "audience must be natural or legal");
  filter.theme = request.QueryParam("theme").value_or("");
  filter.department_id = http::QueryId(request, "department_id");
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  DepartmentDirectory departments(tx);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : store::SearchPublic(tx, filter, paging, &total))
    items.push_back(wire::ToJson(item, departments));
  return http::Response::Json(http::PageJson(items, total, paging));
}

http::Response GetGuide(AppContext& ctx, http::Request& request) {
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  const auto guide = catalog::GetGuide(tx, request.Param("code"));
  return http::Response::Json(wire::ToJson(guide, DepartmentDirectory(tx)));
}

http::Response ValidateForm(AppContext& ctx, http::Request& request) {
  const auto data = request.JsonBody();
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  catalog::ValidateForm(tx, request.Param("code"), data);
  return http::Response::Json({{"valid", true}});
}

http::Response Home(AppContext& ctx, http::Request&) {
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  DepartmentDirectory departments(tx);
  nlohmann::json themes = nlohmann::json::array();
  std::map<std::string, std::int64_t> audience;
  for (const auto& [who, count] : store::PublicThemeCounts(tx))
    themes.push_back({{"audience", who}, {"name", count.key}, {"count", count.count}});
  std::int64_t natural = 0, legal = 0;
  store::PublicFilter filter;
  http::Paging one{1, 1, {}};
  filter.audience = "natural";
  store::SearchPublic(tx, filter, one, &natural);
  filter.audience = "legal";
  store::SearchPublic(tx, filter, one, &legal);
  nlohmann::json by_department = nlohmann::json::array();
  for (const auto& [id, n] : store::PublicDepartmentCounts(tx))
    by_department.push_back({{"id", id}, {"name", departments.NameOf(id)}, {"count", n}});
  return http::Response::Json({{"themes", themes},
                               {"departments", by_department},
                               {"audience", {{"natural", natural}, {"legal", legal}}}});
}

}  // namespace

void RegisterPublicRoutes(http::Router& router, AppContext& ctx) {
  const std::string pub(http::kPublic);
  router.AddAll({
      {"GET", "/api/v1/public/items", pub, [&ctx](http::Request& r) { return SearchItems(ctx, r); }},
      {"GET", "/api/v1/public/items/{code}", pub, [&ctx](http::Request& r) { return GetGuide(ctx, r); }},
      {"POST", "/api/v1/public/items/{code}/form/validate", pub, [&ctx](http::Request& r) { return ValidateForm(ctx, r); }},
      {"GET", "/api/v1/public/catalog/home", pub, [&ctx](http::Request& r) { return Home(ctx, r); }},
  });
}

}  // namespace tongban::catalog
