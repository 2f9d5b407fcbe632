#include "cases/routes.hpp"

#include <fmt/format.h>

#include "audit/service.hpp"
#include "cases/lifecycle.hpp"
#include "cases/service.hpp"
#include "cases/wire.hpp"
#include "identity/service.hpp"
#include "platform/crypto/hash.hpp"
#include "platform/errors/error.hpp"
#include "platform/files/file_store.hpp"
#include "platform/http/input.hpp"
#include "platform/http/paging.hpp"

namespace tongban::cases {
namespace {

using Handler = http::Response (*)(AppContext&, http::Request&);

// Content-addressed storage for materials and notices (DESIGN.md "Files"), one per server.
files::FileStore& Files(const AppContext& ctx) {
  static files::FileStore store(ctx.config.storage_dir);
  return store;
}

// One request's transaction, clock, calendar and caller, in the order handlers need them.
struct Call {
  db::Tx tx;
  std::shared_ptr<const calendar::WorkingCalendar> calendar;
  Env env;
  Caller caller;
  Call(AppContext& ctx, const http::Request& request, db::TxMode mode)
      : tx(ctx.db.Begin(mode)),
        calendar(ctx.calendar(tx)),
        env{tx, ctx.clock.Now(), *calendar, Files(ctx), ctx.config.public_base_url},
        caller(request.principal ? MakeCaller(tx, *request.principal, audit::ActorFrom(request)) : SystemCaller()) {}
};

http::Response Detail(Call& call, std::int64_t id) {
  const auto detail = Get(call.env, call.caller, id);
  return http::Response::Json(wire::ToJson(detail, call.env.calendar, call.env.Today(), WarnDays(call.tx)));
}

std::int64_t CaseId(const http::Request& r) { return http::ParseId(r.Param("id")); }

int MaterialIndex(const http::Request& r) {
  const auto& text = r.Param("index");
  if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos)
    throw Error::BadRequest("cases.bad_index", "材料序号应为非负整数", "The material index must be a non-negative integer");
  return std::stoi(text);
}

http::Response CreateCase(AppContext& ctx, http::Request& request) {
  http::BodyReader in(request.JsonObjectBody());
  const auto input = wire::ReadNewCase(in);
  Call call(ctx, request, db::TxMode::kWrite);
  const auto c = Create(call.env, call.caller, input);
  auto response = Detail(call, c.id);
  call.tx.Commit();
  response.status = 201;
  return response;
}

http::Response ListCases(AppContext& ctx, http::Request& request) {
  const auto paging = http::ParsePaging(request, {"number", "created_at", "updated_at", "due_on", "state"});
  store::CaseFilter filter;
  filter.view = request.QueryParam("view").value_or("all");
  if (filter.view != "mine" && filter.view != "queue" && filter.view != "inbox" && filter.view != "all")
    throw Error::BadRequest("cases.bad_view", "view 应为 mine、queue、inbox 或 all", "view must be mine, queue, inbox or all");
  if (auto states = request.QueryParam("state"); states && !states->empty()) {
    std::size_t start = 0;
    while (start <= states->size()) {
      const auto end = std::min(states->find(',', start), states->size());
      const auto one = states->substr(start, end - start);
      if (!ParseState(one)) throw Error::BadRequest("cases.bad_state", "未知的办件状态：" + one, "Unknown case state: " + one);
      filter.states.push_back(one);
      start = end + 1;
    }
  }
  filter.colour = request.QueryParam("colour").value_or("");
  if (!filter.colour.empty() && filter.colour != "green" && filter.colour != "yellow" && filter.colour != "red")
    throw Error::BadRequest("cases.bad_colour", "colour 应为 green、yellow 或 red", "colour must be green, yellow or red");
  filter.q = request.QueryParam("q").value_or("");
  if (filter.q.size() > 100) throw Error::BadRequest("cases.bad_query", "检索词过长", "The search text is too long");
  filter.department_id = http::QueryId(request, "department_id");
  filter.parent_id = http::QueryId(request, "parent_id");
  Call call(ctx, request, db::TxMode::kRead);
  std::int64_t total = 0;
  const auto rows = List(call.env, call.caller, filter, paging, &total);
  const int warn = WarnDays(call.tx);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : rows) items.push_back(wire::ToJson(s, call.env.calendar, call.env.Today(), warn));
  return http::Response::Json(http::PageJson(items, total, paging));
}

http::Response GetCase(AppContext& ctx, http::Request& request) {
  Call call(ctx, request, db::TxMode::kRead);
  return Detail(call, CaseId(request));
}

http::Response PutForm(AppContext& ctx, http::Request& request) {
  const auto body = request.JsonObjectBody();
  if (!body.contains("form") || !body["form"].is_object())
    throw Error::Unprocessable("input.invalid", "form（对象）必填", "form (an object) is required",
                               {{"/form", "required", "form（对象）必填", "form (an object) is required"}});
  std::optional<int> expected;
  if (body.contains("version") && body["version"].is_number_integer()) expected = body["version"].get<int>();
  Call call(ctx, request, db::TxMode::kWrite);
  UpdateForm(call.env, call.caller, CaseId(request), body["form"], expected);
  auto response = Detail(call, CaseId(request));
  call.tx.Commit();
  return response;
}

http::Response PutMaterialFile(AppContext& ctx, http::Request& request) {
  const auto index = MaterialIndex(request);
  const auto name = request.QueryParam("name").value_or("");
  Call call(ctx, request, db::TxMode::kWrite);
  const auto m = UploadMaterial(call.env, call.caller, CaseId(request), index, request.body, name);
  call.tx.Commit();
  return http::Response::Json(wire::ToJson(m));
}

http::Response GetMaterialFile(AppContext& ctx, http::Request& request) {
  const auto index = MaterialIndex(request);
  std::optional<int> version;
  if (auto v = request.QueryParam("version")) {
    if (v->empty() || v->size() > 6 || v->find_first_not_of("0123456789") != std::string::npos)
      throw Error::BadRequest("cases.bad_version", "version 应为正整数", "version must be a positive integer");
    version = std::stoi(*v);
  }
  Call call(ctx, request, db::TxMode::kRead);
  auto [bytes, type] = MaterialFile(call.env, call.caller, CaseId(request), index, version);
  auto response = http::Response::Text(std::move(bytes), type);
  response.SetHeader("Content-Disposition", "attachment");
  response.SetHeader("X-Content-Type-Options", "nosniff");
  return response;
}

http::Response PostMaterialCheck(AppContext& ctx, http::Request& request) {
  const auto index = MaterialIndex(request);
  http::BodyReader in(request.JsonObjectBody());
  const auto status = in.Enum("status", {"ok", "faulty"});
  const auto reason = in.OptString("reason", 500).value_or("");
  in.Check();
  Call call(ctx, request, db::TxMode::kWrite);
  const auto m = CheckMaterial(call.env, call.caller, CaseId(request), index, status, reason);
  call.tx.Commit();
  return http::Response::Json(wire::ToJson(m));
}

http::Response PerformAction(AppContext& ctx, http::Request& request, const std::string& action) {
  auto body = request.body.empty() ? nlohmann::json::object() : request.JsonObjectBody();
  http::BodyReader in(body);
  const auto input = wire::ReadActionInput(in);
  Call call(ctx, request, db::TxMode::kWrite);
  Act(call.env, call.caller, CaseId(request), action, input);
  auto response = Detail(call, CaseId(request));
  call.tx.Commit();
  ctx.jobs.Poke();  // notices queued outbound messages
  return response;
}

http::Response GetDocumentPdf(AppContext& ctx, http::Request& request) {
  const auto doc = http::ParseId(request.Param("doc"));
  Call call(ctx, request, db::TxMode::kWrite);  // the first request renders and stores the PDF
  auto pdf = DocumentPdf(call.env, call.caller, CaseId(request), doc);
  call.tx.Commit();
  auto response = http::Response::Text(std::move(pdf), "application/pdf");
  response.SetHeader("Content-Disposition", fmt::format("attachment; filename=\"notice-{}.pdf\"", doc));
  return response;
}

http::Response GetDeadlineStats(AppContext& ctx, http::Request& request) {
  Call call(ctx, request, db::TxMode::kRead);
  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json totals = {{"open", 0}, {"yellow", 0}, {"red", 0}, {"lapses", 0}};
  for (const auto& r : DeadlineStats(call.env, call.caller)) {
    rows.push_back({{"department_id", r.department_id}, {"department_name", r.department_name}, {"open", r.open},
                    {"yellow", r.yellow}, {"red", r.red}, {"lapses", r.lapses}});
    for (const char* k : {"open", "yellow", "red", "lapses"}) totals[k] = totals[k].get<std::int64_t>() + rows.back()[k].get<std::int64_t>();
  }
  return http::Response::Json({{"by_department", rows}, {"totals", totals}, {"today", call.env.Today().ToString()},
                               {"warn_days", WarnDays(call.tx)}});
}

http::Response PostDeadlineScan(AppContext& ctx, http::Request& request) {
  Call call(ctx, request, db::TxMode::kWrite);
  const auto r = ScanDeadlines(call.env);
  audit::Append(call.tx, call.env.now, call.caller.actor, "cases.deadline.scan", "cases", "",
                {{"accepted_by_lapse", r.accepted_by_lapse}, {"terminated", r.terminated}, {"overdue", r.overdue}});
  call.tx.Commit();
  ctx.jobs.Poke();
  return http::Response::Json({{"accepted_by_lapse", r.accepted_by_lapse}, {"terminated", r.terminated},
                               {"resumed", r.resumed}, {"warned", r.warned}, {"overdue", r.overdue}});
}

http::Response PostAssistant(AppContext& ctx, http::Request& request) {
  http::BodyReader in(request.JsonObjectBody());
  const auto helper = in.String("helper_username", 1, 64);
  const auto expires = in.String("expires_on", 10, 10);
  const auto note = in.OptString("note", 500).value_or("");
  in.Check();
  Call call(ctx, request, db::TxMode::kWrite);
  const auto a = GrantAssistant(call.env, call.caller, helper, expires, note);
  call.tx.Commit();
  return http::Response::Json(wire::ToJson(a), 201);
}

http::Response GetAssistants(AppContext& ctx, http::Request& request) {
  Call call(ctx, request, db::TxMode::kRead);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : ListAssistants(call.env, call.caller)) items.push_back(wire::ToJson(a));
  return http::Response::Json({{"items", items}});
}

http::Response DeleteAssistant(AppContext& ctx, http::Request& request) {
  Call call(ctx, request, db::TxMode::kWrite);
  RevokeAssistant(call.env, call.caller, http::ParseId(request.Param("id")));
  call.tx.Commit();
  return http::Response::NoContent();
}

// 窗口代办: a clerk registers the applicant in front of them, papers checked, so the account is
// verified on the clerk's word. A password left out is generated and shown once, to hand over.
http::Response RegisterAtWindow(AppContext& ctx, http::Request& request) {
  http::BodyReader in(request.JsonObjectBody());
  identity::ApplicantRegistration r;
  r.username = in.String("username", 3, 32);
  auto password = in.OptString("password", 128);
  r.kind = in.Enum("kind", {"natural", "legal"});
  r.name = in.String("name", 1, 100);
  r.id_number = in.OptString("id_number", 18).value_or("");
  r.credit_code = in.OptString("credit_code", 18).value_or("");
  r.phone = in.OptString("phone", 20).value_or("");
  in.Check();
  // 16 hex characters plus a letter and a symbol meet the password policy.
  r.password = password.value_or("Tb#" + crypto::RandomHex(8) + "a");
  Call call(ctx, request, db::TxMode::kWrite);
  const auto made = identity::RegisterApplicant(call.tx, call.env.now, call.caller.actor, *ctx.vault, r, true);
  const auto verified = identity::VerifyApplicant(call.tx, call.env.now, call.caller.actor, *ctx.vault, made.id, nullptr);
  call.tx.Commit();
  nlohmann::json body = {{"id", verified.id},
                         {"user_id", verified.user_id},
                         {"username", r.username},
                         {"name", verified.name},
                         {"kind", verified.kind},
                         {"verified", verified.verified},
                         {"id_number_masked", verified.id_number_masked}};
  if (!password) body["initial_password"] = r.password;
  return http::Response::Json(body, 201);
}

http::Response GetPublicDocument(AppContext& ctx, http::Request& request) {
  Call call(ctx, request, db::TxMode::kRead);
  return http::Response::Json(wire::ToJson(VerifyDocument(call.env, request.Param("code"))));
}

http::Response CheckPublicDocument(AppContext& ctx, http::Request& request) {
  Call call(ctx, request, db::TxMode::kWrite);
  const bool genuine = CheckDocumentPdf(call.env, request.Param("code"), request.body);
  call.tx.Commit();
  return http::Response::Json({{"genuine", genuine}});
}

}  // namespace

void RegisterRoutes(http::Router& router, AppContext& ctx) {
  auto h = [&ctx](Handler f) { return [&ctx, f](http::Request& r) { return f(ctx, r); }; };
  const std::string pub(http::kPublic);
  std::vector<http::Route> routes = {
      {"POST", "/api/v1/cases", "cases.case.apply", h(CreateCase)},
      {"GET", "/api/v1/cases", "cases.case.read", h(ListCases)},
      {"GET", "/api/v1/cases/{id}", "cases.case.read", h(GetCase)},
      {"PUT", "/api/v1/cases/{id}/form", "cases.case.apply", h(PutForm)},
      {"PUT", "/api/v1/cases/{id}/materials/{index}/file", "cases.material.upload", h(PutMaterialFile),
       http::Exec::kWorker, kMaterialLimitBytes},
      {"GET", "/api/v1/cases/{id}/materials/{index}/file", "cases.case.read", h(GetMaterialFile)},
      {"POST", "/api/v1/cases/{id}/materials/{index}/check", "cases.material.check", h(PostMaterialCheck)},
      {"GET", "/api/v1/cases/{id}/documents/{doc}/pdf", "cases.case.read", h(GetDocumentPdf)},
      {"GET", "/api/v1/cases/deadline-stats", "cases.deadline.read", h(GetDeadlineStats)},
      {"POST", "/api/v1/cases/deadline-scan", "system.job.edit", h(PostDeadlineScan)},
      {"POST", "/api/v1/cases/applicants", "identity.applicant.verify", h(RegisterAtWindow)},
      {"POST", "/api/v1/cases/assistants", "cases.assistant.manage", h(PostAssistant)},
      {"GET", "/api/v1/cases/assistants", "cases.assistant.manage", h(GetAssistants)},
      {"DELETE", "/api/v1/cases/assistants/{id}", "cases.assistant.manage", h(DeleteAssistant)},
      {"GET", "/api/v1/public/documents/{code}", pub, h(GetPublicDocument)},
      {"POST", "/api/v1/public/documents/{code}/check", pub, h(CheckPublicDocument), http::Exec::kWorker,
       kMaterialLimitBytes},
  };
  // One route per action of the lifecycle table, guarded by the permission the table names.
  for (const auto& t : Transitions()) {
    const std::string action(t.action);
    routes.push_back({"POST", "/api/v1/cases/{id}/" + action, std::string(t.permission),
                      [&ctx, action](http::Request& r) { return PerformAction(ctx, r, action); }});
  }
  router.AddAll(std::move(routes));
}

void RegisterJobHandlers(jobs::JobRunner& runner, AppContext& ctx) {
  // Daily at 00:10 Shanghai time, and whenever an operator asks (POST /cases/deadline-scan).
  runner.Register("cases.deadline_scan", [&ctx](db::Tx& tx, const jobs::Job&) {
    const auto calendar = ctx.calendar(tx);
    Env env{tx, ctx.clock.Now(), *calendar, Files(ctx), ctx.config.public_base_url};
    ScanDeadlines(env);
    const auto tomorrow = env.Today().AddDays(1);
    const auto midnight = std::chrono::sys_days{std::chrono::days{tomorrow.serial()}};
    const time::Instant next = std::chrono::time_point_cast<std::chrono::microseconds>(midnight) -
                               time::kShanghaiOffset + std::chrono::minutes(10);
    jobs::Enqueue(tx, ctx.clock, {"cases.deadline_scan", "{}", next, "cases.deadline_scan@" + tomorrow.ToString(), 5});
  });
}

}  // namespace tongban::cases
