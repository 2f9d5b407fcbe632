#include "catalog/routes.hpp"

#include "audit/service.hpp"
#include "catalog/elements_json.hpp"
#include "catalog/service.hpp"
#include "catalog/wire.hpp"
#include "identity/service.hpp"
#include "platform/http/input.hpp"
#include "platform/http/paging.hpp"
#include "platform/schema/schema.hpp"

namespace tongban::catalog {
namespace {

// Routes with `(ctx, request)` handlers, file-local.
using Handler = http::Response (*)(AppContext&, http::Request&);

std::string QueryText(const http::Request& r, std::string_view name) { return r.QueryParam(name).value_or(""); }

Scope CallerScope(db::Tx& tx, const http::Request& request) {
  return identity::VisibleDepartments(tx, *request.principal);
}

// The base catalogue is the same at every level: only a caller whose scope is the whole city
// keeps it.
void RequireCityScope(db::Tx& tx, const http::Request& request) {
  if (CallerScope(tx, request))
    throw Error::Forbidden("catalog.out_of_scope", "只有全市范围的管理员可以维护基本目录",
                           "Only a city-wide administrator may maintain the base catalogue");
}

Elements ReadElementsField(const nlohmann::json& body, http::BodyReader& outer) {
  if (!body.contains("elements") || !body["elements"].is_object()) {
    outer.Fail("elements", "required", "elements（事项要素对象）必填", "elements (an object) is required");
    return {};
  }
  http::BodyReader in(body["elements"], "/elements");
  Elements e = ReadElements(in);
  outer.Absorb(in);
  return e;
}

// ---- base items --------------------------------------------------------------------------------
http::Response ListBaseItems(AppContext& ctx, http::Request& request) {
  const auto paging = http::ParsePaging(request, {"code", "name"});
  store::BaseItemFilter filter{QueryText(request, "q"), QueryText(request, "power_type")};
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& b : store::ListBaseItems(tx, filter, paging, &total)) items.push_back(wire::ToJson(b));
  return http::Response::Json(http::PageJson(items, total, paging));
}

http::Response CreateBaseItem(AppContext& ctx, http::Request& request) {
  http::BodyReader in(request.JsonObjectBody());
  const BaseItem input = wire::ReadBaseItem(in, true);
  in.Check();
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  RequireCityScope(tx, request);
  const auto item = catalog::CreateBaseItem(tx, ctx.clock.Now(), audit::ActorFrom(request), input);
  tx.Commit();
  return http::Response::Json(wire::ToJson(item), 201);
}

http::Response UpdateBaseItem(AppContext& ctx, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  http::BodyReader in(request.JsonObjectBody());
  const BaseItem input = wire::ReadBaseItem(in, false);
  in.Check();
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  RequireCityScope(tx, request);
  const auto item = catalog::UpdateBaseItem(tx, ctx.clock.Now(), audit::ActorFrom(request), id, input);
  tx.Commit();
  return http::Response::Json(wire::ToJson(item));
}

// ---- licence types -----------------------------------------------------------------------------
http::Response ListLicenceTypes(AppContext& ctx, http::Request& request) {
  const auto paging = http::ParsePaging(request, {"code", "name"});
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  DepartmentDirectory departments(tx);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : store::ListLicenceTypes(tx, QueryText(request, "q"), paging, &total))
    items.push_back(wire::ToJson(t, departments));
  return http::Response::Json(http::PageJson(items, total, paging));
}

http::Response GetLicenceType(AppContext& ctx, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  auto type = store::FindLicenceType(tx, id);
  if (!type) throw Error::NotFound("catalog.licence_type_not_found", "证照类型不存在", "No such licence type");
  return http::Response::Json(wire::ToJson(*type, DepartmentDirectory(tx)));
}

http::Response SaveLicenceType(AppContext& ctx, http::Request& request, std::optional<std::int64_t> id) {
  http::BodyReader in(request.JsonObjectBody());
  const LicenceType input = wire::ReadLicenceType(in, !id);
  in.Check();
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  const auto scope = CallerScope(tx, request);
  if (scope && !scope->count(input.issuing_department_id))
    throw Error::Forbidden("catalog.out_of_scope", "无权维护其他部门的证照类型", "You may not manage another department's licence types");
  const auto actor = audit::ActorFrom(request);
  const auto type = id ? catalog::UpdateLicenceType(tx, ctx.clock.Now(), actor, *id, input)
                       : catalog::CreateLicenceType(tx, ctx.clock.Now(), actor, input);
  auto body = wire::ToJson(type, DepartmentDirectory(tx));
  tx.Commit();
  return http::Response::Json(body, id ? 200 : 201);
}

// ---- implementation entries --------------------------------------------------------------------
http::Response ListEntries(AppContext& ctx, http::Request& request) {
  const auto paging = http::ParsePaging(request, {"code", "name", "updated_at", "handled_since"});
  store::EntryFilter filter;
  filter.q = QueryText(request, "q");
  filter.department_id = http::QueryId(request, "department_id");
  filter.power_type = QueryText(request, "power_type");
  filter.level = QueryText(request, "level");
  filter.status = QueryText(request, "status");
  filter.state = QueryText(request, "state");
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  DepartmentDirectory departments(tx);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : store::ListEntries(tx, filter, paging, &total)) items.push_back(wire::ToJson(s, departments));
  return http::Response::Json(http::PageJson(items, total, paging));
}

http::Response CreateEntry(AppContext& ctx, http::Request& request) {
  const auto body = request.JsonObjectBody();
  http::BodyReader in(body);
  EntryInput input;
  input.base_item_id = in.Int("base_item_id", 1, INT64_MAX, 0);
  input.code = in.String("code", 1, 64);
  input.department_id = in.Int("department_id", 1, INT64_MAX, 0);
  for (const char* key : {"base_item_id", "department_id"})
    if (!in.Has(key)) in.Fail(key, "required", std::string(key) + " 必填", std::string(key) + " is required");
  input.elements = ReadElementsField(body, in);
  in.Check();
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  const auto detail = catalog::CreateEntry(tx, ctx.clock.Now(), audit::ActorFrom(request), CallerScope(tx, request), input);
  auto json = wire::ToJson(detail, DepartmentDirectory(tx));
  tx.Commit();
  return http::Response::Json(json, 201);
}

http::Response GetEntry(AppContext& ctx, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  return http::Response::Json(wire::ToJson(catalog::GetEntry(tx, id), DepartmentDirectory(tx)));
}

http::Response GetVersion(AppContext& ctx, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  const auto no = http::ParseId(request.Param("no"));
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  auto version = store::FindVersion(tx, id, static_cast<int>(no));
  if (!version) throw Error::NotFound("catalog.version_not_found", "该版本不存在", "No such version");
  return http::Response::Json(wire::ToJson(*version, true));
}

http::Response SaveDraft(AppContext& ctx, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  const auto body = request.JsonObjectBody();
  http::BodyReader in(body);
  const Elements elements = ReadElementsField(body, in);
  in.Check();
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  const auto version = catalog::SaveDraft(tx, ctx.clock.Now(), audit::ActorFrom(request), CallerScope(tx, request), id, elements);
  tx.Commit();
  return http::Response::Json(wire::ToJson(version, true));
}

// The adjustments share one shape: read the body, run `action` in a write transaction, answer the
// entry it leaves.
template <class Action>
http::Response Adjust(AppContext& ctx, http::Request& request, Action action) {
  const auto id = http::ParseId(request.Param("id"));
  http::BodyReader in(request.body.empty() ? nlohmann::json::object() : request.JsonObjectBody());
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  const auto detail = action(tx, in, id, ctx.clock.Now(), audit::ActorFrom(request), CallerScope(tx, request));
  auto json = wire::ToJson(detail, DepartmentDirectory(tx));
  tx.Commit();
  return http::Response::Json(json);
}

http::Response Publish(AppContext& ctx, http::Request& request) {
  return Adjust(ctx, request, [](db::Tx& tx, http::BodyReader& in, std::int64_t id, time::Instant now,
                                 const audit::Actor& actor, const Scope& scope) {
    const auto on = in.OptString("effective_on", 10);
    in.Check();
    return catalog::Publish(tx, now, actor, scope, id, on);
  });
}

http::Response Withdraw(AppContext& ctx, http::Request& request) {
  return Adjust(ctx, request, [](db::Tx& tx, http::BodyReader& in, std::int64_t id, time::Instant now,
                                 const audit::Actor& actor, const Scope& scope) {
    const auto reason = in.String("reason", 1, 500);
    in.Check();
    return catalog::Withdraw(tx, now, actor, scope, id, reason);
  });
}

http::Response Cancel(AppContext& ctx, http::Request& request) {
  return Adjust(ctx, request, [](db::Tx& tx, http::BodyReader& in, std::int64_t id, time::Instant now,
                                 const audit::Actor& actor, const Scope& scope) {
    const auto reason = in.String("reason", 1, 500);
    const auto on = in.OptString("effective_on", 10);
    in.Check();
    return catalog::Cancel(tx, now, actor, scope, id, reason, on);
  });
}

http::Response Delegate(AppContext& ctx, http::Request& request) {
  return Adjust(ctx, request, [](db::Tx& tx, http::BodyReader& in, std::int64_t id, time::Instant now,
                                 const audit::Actor& actor, const Scope& scope) {
    DelegateInput input;
    input.department_id = in.Int("department_id", 1, INT64_MAX, 0);
    if (!in.Has("department_id")) in.Fail("department_id", "required", "承接部门必填", "The receiving department is required");
    input.code = in.String("code", 1, 64);
    input.effective_on = in.OptString("effective_on", 10);
    input.reason = in.String("reason", 1, 500);
    in.Check();
    return catalog::Delegate(tx, now, actor, scope, id, input);
  });
}

http::Response ListChanges(AppContext& ctx, http::Request& request) {
  const auto paging = http::ParsePaging(request, {"effective_on", "at"});
  store::ChangeFilter filter;
  filter.department_id = http::QueryId(request, "department_id");
  filter.kind = QueryText(request, "kind");
  filter.from = QueryText(request, "from");
  filter.to = QueryText(request, "to");
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  DepartmentDirectory departments(tx);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : store::ListChanges(tx, filter, paging, &total)) items.push_back(wire::ToJson(c, departments));
  return http::Response::Json(http::PageJson(items, total, paging));
}

// Checks a form schema an administrator is writing, before it is saved.
http::Response CheckForm(AppContext&, http::Request& request) {
  const auto body = request.JsonObjectBody();
  if (!body.contains("schema") || !body["schema"].is_object())
    throw Error::Unprocessable("input.invalid", "schema（JSON Schema 对象）必填", "schema (a JSON Schema object) is required",
                               {{"/schema", "required", "schema 必填", "schema is required"}});
  try {
    (void)schema::Schema::Compile(body["schema"]);
  } catch (const Error& e) {
    std::vector<FieldError> errors;
    for (const auto& fe : e.errors()) errors.push_back({"/schema" + fe.pointer, fe.code, fe.message_zh, fe.message_en});
    throw Error::Unprocessable("schema.invalid", e.message_zh(), e.message_en(), errors);
  }
  return http::Response::Json({{"valid", true}});
}

http::Response GetStats(AppContext& ctx, http::Request&) {
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  const Stats s = ComputeStats(tx);
  DepartmentDirectory departments(tx);
  auto rate = [](std::int64_t statutory, std::int64_t committed) {
    return statutory > 0 ? 1.0 - static_cast<double>(committed) / static_cast<double>(statutory) : 0.0;
  };
  auto counts = [](const std::vector<store::StatRow>& rows, const char* key, bool numeric) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows)
      out.push_back({{key, numeric ? nlohmann::json(std::stoll(r.key)) : nlohmann::json(r.key)}, {"count", r.count}});
    return out;
  };
  nlohmann::json by_department = nlohmann::json::array(), limits_by_department = nlohmann::json::array();
  std::int64_t statutory = 0, committed = 0;
  for (const auto& r : s.by_department) {
    const auto id = std::stoll(r.key);
    by_department.push_back({{"department_id", id}, {"name", departments.NameOf(id)}, {"count", r.count}});
    limits_by_department.push_back({{"name", departments.NameOf(id)}, {"statutory", r.statutory},
                                    {"committed", r.committed}, {"compression_rate", rate(r.statutory, r.committed)}});
    statutory += r.statutory;
    committed += r.committed;
  }
  std::int64_t zero = 0, one = 0, more = 0;
  for (const auto& r : s.by_visits) (r.key == "0" ? zero : r.key == "1" ? one : more) += r.count;
  std::int64_t online = 0;
  for (const auto& r : s.by_online_depth)
    if (std::stoll(r.key) >= 3) online += r.count;  // 在线申报 or 全程网办
  auto share = [&](std::int64_t n) { return s.entries > 0 ? static_cast<double>(n) / static_cast<double>(s.entries) : 0.0; };
  std::map<std::string, nlohmann::json> months;
  for (const auto& [month, kind, n] : s.changes_by_month) {
    auto& m = months[month];
    if (m.is_null())
      m = {{"month", month}, {"created", 0}, {"published", 0}, {"withdrawn", 0}, {"cancelled", 0}, {"delegated", 0},
           {"taken_over", 0}};
    m[kind] = n;
  }
  nlohmann::json changes = nlohmann::json::array();
  for (auto& [month, m] : months) changes.push_back(m);
  return http::Response::Json(
      {{"totals", {{"entries", s.entries}, {"base_items", s.base_items}}},
       {"by_department", by_department},
       {"by_level", counts(s.by_level, "level", false)},
       {"by_power_type", counts(s.by_power_type, "power_type", false)},
       {"limits", {{"statutory_days_total", statutory}, {"committed_days_total", committed},
                   {"compression_rate", rate(statutory, committed)}, {"by_department", limits_by_department}}},
       {"visits", {{"zero", zero}, {"one", one}, {"more", more}, {"zero_share", share(zero)},
                   {"at_most_one_share", share(zero + one)}}},
       {"online", {{"share", share(online)}, {"by_depth", counts(s.by_online_depth, "depth", true)}}},
       {"changes_by_month", changes}});
}

}  // namespace

void RegisterRoutes(http::Router& router, AppContext& ctx) {
  struct Entry {
    const char* method;
    const char* pattern;
    const char* permission;
    Handler handler;
  };
  const Entry table[] = {
      {"GET", "/api/v1/catalog/base-items", "catalog.item.read", ListBaseItems},
      {"POST", "/api/v1/catalog/base-items", "catalog.item.edit", CreateBaseItem},
      {"PUT", "/api/v1/catalog/base-items/{id}", "catalog.item.edit", UpdateBaseItem},
      {"GET", "/api/v1/catalog/items", "catalog.item.read", ListEntries},
      {"POST", "/api/v1/catalog/items", "catalog.item.edit", CreateEntry},
      {"GET", "/api/v1/catalog/items/{id}", "catalog.item.read", GetEntry},
      {"GET", "/api/v1/catalog/items/{id}/versions/{no}", "catalog.item.read", GetVersion},
      {"PUT", "/api/v1/catalog/items/{id}/draft", "catalog.item.edit", SaveDraft},
      {"POST", "/api/v1/catalog/items/{id}/publish", "catalog.item.edit", Publish},
      {"POST", "/api/v1/catalog/items/{id}/withdraw", "catalog.item.edit", Withdraw},
      {"POST", "/api/v1/catalog/items/{id}/cancel", "catalog.item.edit", Cancel},
      {"POST", "/api/v1/catalog/items/{id}/delegate", "catalog.item.edit", Delegate},
      {"GET", "/api/v1/catalog/changes", "catalog.item.read", ListChanges},
      {"POST", "/api/v1/catalog/forms/check", "catalog.item.edit", CheckForm},
      {"GET", "/api/v1/catalog/licence-types", "catalog.item.read", ListLicenceTypes},
      {"GET", "/api/v1/catalog/licence-types/{id}", "catalog.item.read", GetLicenceType},
      {"POST", "/api/v1/catalog/licence-types", "catalog.item.edit",
       [](AppContext& c, http::Request& r) { return SaveLicenceType(c, r, std::nullopt); }},
      {"PUT", "/api/v1/catalog/licence-types/{id}", "catalog.item.edit",
       [](AppContext& c, http::Request& r) { return SaveLicenceType(c, r, http::ParseId(r.Param("id"))); }},
      {"GET", "/api/v1/catalog/stats", "catalog.stats.read", GetStats},
  };
  for (const auto& e : table)
    router.Add({e.method, e.pattern, e.permission, [&ctx, h = e.handler](http::Request& r) { return h(ctx, r); }});
  RegisterPublicRoutes(router, ctx);
}

}  // namespace tongban::catalog
