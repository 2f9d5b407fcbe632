#include "identity/routes.hpp"

#include <spdlog/spdlog.h>

#include "audit/service.hpp"
#include "identity/service.hpp"
#include "platform/http/input.hpp"
#include "platform/http/paging.hpp"

namespace tongban::identity {
namespace {

constexpr std::string_view kCookie = "tb_session";

struct Deps {
  AppContext& ctx;
  std::shared_ptr<const codes::DivisionTable> divisions;
  std::unique_ptr<IdentityProvider> provider;
  time::Instant Now() const { return ctx.clock.Now(); }
};

using Handler = http::Response (*)(Deps&, http::Request&);

nlohmann::json OptTime(const std::optional<time::Instant>& t) {
  return t ? nlohmann::json(time::FormatRfc3339(*t)) : nlohmann::json();
}
nlohmann::json OptId(const std::optional<std::int64_t>& id) { return id ? nlohmann::json(*id) : nlohmann::json(); }

nlohmann::json ToJson(const Department& d) {
  return {{"id", d.id},     {"parent_id", OptId(d.parent_id)}, {"name", d.name}, {"division_code", d.division_code},
          {"is_service_hall", d.is_service_hall}, {"sort", d.sort}, {"status", d.status},
          {"created_at", time::FormatRfc3339(d.created_at)}};
}

nlohmann::json ToJson(const User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"department_id", OptId(u.department_id)},
          {"department_name", u.department_name},
          {"roles", u.roles},
          {"status", u.status},
          {"locked_until", OptTime(u.locked_until)},
          {"phone_masked", u.phone_masked},
          {"created_at", time::FormatRfc3339(u.created_at)}};
}

nlohmann::json ToJson(const Role& r) {
  return {{"id", r.id},          {"code", r.code}, {"name_zh", r.name_zh}, {"name_en", r.name_en},
          {"permissions", r.permissions}, {"data_scope", ToString(r.scope)}, {"builtin", r.builtin}};
}

nlohmann::json ToJson(const Applicant& a) {
  return {{"id", a.id},
          {"user_id", a.user_id},
          {"username", a.username},
          {"kind", a.kind},
          {"name", a.name},
          {"id_number_masked", a.id_number_masked},
          {"credit_code", a.credit_code ? nlohmann::json(*a.credit_code) : nlohmann::json()},
          {"verified", a.verified},
          {"verified_at", OptTime(a.verified_at)},
          {"verified_by", a.verified_by ? nlohmann::json(*a.verified_by) : nlohmann::json()},
          {"created_at", time::FormatRfc3339(a.created_at)}};
}

nlohmann::json ToJson(const ApiKey& k) {
  return {{"id", k.id},
          {"name", k.name},
          {"prefix", k.prefix},
          {"scope", k.scope},
          {"created_by", OptId(k.created_by)},
          {"created_at", time::FormatRfc3339(k.created_at)},
          {"expires_at", OptTime(k.expires_at)},
          {"revoked_at", OptTime(k.revoked_at)},
          {"last_used_at", OptTime(k.last_used_at)}};
}

nlohmann::json MeJson(const http::Principal& p) {
  return {{"id", p.user_id},
          {"username", p.username},
          {"display_name", p.display_name},
          {"kind", p.kind},
          {"department_id", p.department_id ? nlohmann::json(p.department_id) : nlohmann::json()},
          {"department_name", p.department_name},
          {"roles", p.roles},
          {"permissions", p.permissions}};
}

const http::Principal& Caller(const http::Request& r) { return *r.principal; }

std::optional<std::string> NonEmpty(const http::Request& r, const char* name) {
  auto v = r.QueryParam(name);
  if (v && v->empty()) return std::nullopt;
  return v;
}

// ---- auth

std::string CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return "";
}

std::string SessionCookie(const std::string& value, bool clear) {
  return std::string(kCookie) + "=" + value + "; HttpOnly; SameSite=Strict; Path=/" + (clear ? "; Max-Age=0" : "");
}

http::Response Login(Deps& d, http::Request& request) {
  http::BodyReader in(request.JsonObjectBody());
  LoginRequest req;
  req.username = in.String("username", 1, 64);
  req.password = in.Has("password") && in.body()["password"].is_string() ? in.body()["password"].get<std::string>() : "";
  if (!in.Has("password") || !in.body()["password"].is_string() || req.password.empty())
    in.Fail("password", "required", "password 必填", "password is required");
  in.Check();
  req.client_addr = request.client_addr;
  req.user_agent = std::string(request.Header("user-agent"));
  req.request_id = request.request_id;
  LoginCheck check;
  {
    db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
    check = PrepareLogin(tx, d.Now(), req);
  }
  const bool ok = CheckPassword(check, req.password);
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  auto outcome = FinishLogin(tx, d.Now(), check, ok, req);
  std::shared_ptr<http::Principal> principal;
  if (outcome.kind == LoginOutcome::Kind::kOk)
    principal = std::make_shared<http::Principal>(PrincipalOf(tx, *outcome.user, ""));
  tx.Commit();
  switch (outcome.kind) {
    case LoginOutcome::Kind::kOk: {
      auto response = http::Response::Json({{"user", MeJson(*principal)}, {"csrf_token", outcome.csrf_token}});
      response.SetHeader("Set-Cookie", SessionCookie(outcome.session_token, false));
      response.SetHeader("Cache-Control", "no-store");
      return response;
    }
    case LoginOutcome::Kind::kLocked:
      throw Error(423, "auth.locked", "登录失败次数过多，账号在此地址已被锁定至 " + time::FormatRfc3339(*outcome.locked_until),
                  "Too many failed logins: the account is locked from this address until " +
                      time::FormatRfc3339(*outcome.locked_until))
          .WithDetails({{"locked_until", time::FormatRfc3339(*outcome.locked_until)}});
    case LoginOutcome::Kind::kThrottled:
      throw Error::TooManyRequests("auth.throttled", "该账号近期登录失败过多，请稍后再试",
                                   "Too many recent failed logins for this account; try again later",
                                   outcome.retry_after_s)
          .WithDetails({{"retry_after_seconds", outcome.retry_after_s}});
    case LoginOutcome::Kind::kDisabled:
      throw Error::Forbidden("auth.account_disabled", "账号已停用", "The account is disabled");
    case LoginOutcome::Kind::kBadCredentials:
      break;
  }
  throw Error::Unauthenticated("auth.bad_credentials", "用户名或密码错误", "Wrong username or password");
}

http::Response Logout(Deps& d, http::Request& request) {
  if (!request.principal->session_id.empty()) {
    db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
    identity::Logout(tx, d.Now(), audit::ActorFrom(request), std::stoll(request.principal->session_id));
    tx.Commit();
  }
  auto response = http::Response::NoContent();
  response.SetHeader("Set-Cookie", SessionCookie("", true));
  return response;
}

http::Response Me(Deps& d, http::Request& request) {
  nlohmann::json csrf;
  if (!request.principal->session_id.empty()) {
    db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
    const auto auth = AuthenticateSession(tx, d.Now(), CookieValue(request.Header("cookie"), kCookie));
    if (auth.principal) csrf = auth.csrf_token;
  }
  return http::Response::Json({{"user", MeJson(*request.principal)}, {"csrf_token", csrf}});
}

// ---- departments

DepartmentInput ReadDepartment(const http::Request& request) {
  http::BodyReader in(request.JsonObjectBody());
  DepartmentInput d;
  d.name = in.String("name", 1, 50);
  d.division_code = in.String("division_code", 6, 9);
  if (in.Has("parent_id")) d.parent_id = in.OptInt("parent_id", 1, INT64_MAX);
  d.is_service_hall = in.Bool("is_service_hall", false);
  d.sort = static_cast<int>(in.Int("sort", -100000, 100000, 0));
  d.status = in.OptEnum("status", {"active", "disabled"}).value_or("active");
  in.Check();
  return d;
}

http::Response ListDepartmentsRoute(Deps& d, http::Request&) {
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& dep : ListDepartments(tx)) items.push_back(ToJson(dep));
  return http::Response::Json({{"items", items}});
}

http::Response CreateDepartmentRoute(Deps& d, http::Request& request) {
  const auto input = ReadDepartment(request);
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  const auto dep = CreateDepartment(tx, d.Now(), audit::ActorFrom(request), *d.divisions, input);
  tx.Commit();
  return http::Response::Json(ToJson(dep), 201);
}

http::Response UpdateDepartmentRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  const auto input = ReadDepartment(request);
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  const auto dep = UpdateDepartment(tx, d.Now(), audit::ActorFrom(request), *d.divisions, id, input);
  tx.Commit();
  return http::Response::Json(ToJson(dep));
}

http::Response DeleteDepartmentRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  DeleteDepartment(tx, d.Now(), audit::ActorFrom(request), id);
  tx.Commit();
  return http::Response::NoContent();
}

// ---- users

// The body of POST (current == nullptr: every required field) or PUT (absent fields keep the current
// values; an explicit null department is refused like a missing one).
UserInput ReadUser(const http::Request& request, const User* current) {
  http::BodyReader in(request.JsonObjectBody());
  const bool create = current == nullptr;
  UserInput u;
  if (create) {
    u.username = in.String("username", 1, 32);
    u.password = in.Has("password") && in.body()["password"].is_string() ? in.body()["password"].get<std::string>() : "";
    if (u.password.empty()) in.Fail("password", "required", "password 必填", "password is required");
  }
  u.display_name = create || in.body().contains("display_name") ? in.String("display_name", 1, 50) : current->display_name;
  if (in.Has("department_id")) u.department_id = in.OptInt("department_id", 1, INT64_MAX);
  else if (!create && !in.body().contains("department_id")) u.department_id = current->department_id;
  else in.Fail("department_id", "required", "工作人员必须属于一个部门", "A staff user must belong to a department");
  u.roles = in.OptStringList("roles", 20).value_or(create ? std::vector<std::string>{} : current->roles);
  u.status = in.OptEnum("status", {"active", "disabled"}).value_or(create ? "active" : current->status);
  if (in.Has("phone")) u.phone = in.OptString("phone", 20).value_or("");
  else if (create) u.phone = "";
  in.Check();
  return u;
}

http::Response ListUsersRoute(Deps& d, http::Request& request) {
  const auto paging = http::ParsePaging(request);
  UserListFilter f;
  f.username = NonEmpty(request, "username");
  f.department_id = http::QueryId(request, "department_id");
  f.status = NonEmpty(request, "status");
  if (f.status && *f.status != "active" && *f.status != "disabled")
    throw Error::BadRequest("http.bad_query", "status 应为 active 或 disabled", "status must be active or disabled");
  f.offset = paging.offset();
  f.limit = paging.size;
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : ListUsers(tx, d.Now(), Caller(request), f, &total)) items.push_back(ToJson(u));
  return http::Response::Json(http::PageJson(std::move(items), total, paging));
}

http::Response GetUserRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
  return http::Response::Json(ToJson(GetUser(tx, d.Now(), Caller(request), id)));
}

http::Response CreateUserRoute(Deps& d, http::Request& request) {
  const auto input = ReadUser(request, nullptr);
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  const auto u = CreateUser(tx, d.Now(), audit::ActorFrom(request), Caller(request), *d.ctx.vault, input);
  tx.Commit();
  return http::Response::Json(ToJson(u), 201);
}

http::Response UpdateUserRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  request.JsonObjectBody();  // 400/415/422 for a malformed body before anything is read
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  const auto current = GetUser(tx, d.Now(), Caller(request), id);
  const auto input = ReadUser(request, &current);
  auto u = UpdateUser(tx, d.Now(), audit::ActorFrom(request), Caller(request), *d.ctx.vault, id, input);
  u = GetUser(tx, d.Now(), Caller(request), id);
  tx.Commit();
  return http::Response::Json(ToJson(u));
}

http::Response ResetPasswordRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  const auto body = request.JsonObjectBody();
  if (!body.contains("password") || !body["password"].is_string())
    throw Error::Unprocessable("input.invalid", "password 必填", "password is required",
                               {{"/password", "required", "password 必填", "password is required"}});
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  ResetPassword(tx, d.Now(), audit::ActorFrom(request), Caller(request), id, body["password"].get<std::string>());
  tx.Commit();
  return http::Response::NoContent();
}

http::Response UnlockRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  UnlockUser(tx, d.Now(), audit::ActorFrom(request), Caller(request), id);
  const auto u = GetUser(tx, d.Now(), Caller(request), id);
  tx.Commit();
  return http::Response::Json(ToJson(u));
}

http::Response PhoneRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  const auto phone = RevealPhone(tx, d.Now(), audit::ActorFrom(request), Caller(request), *d.ctx.vault, id);
  tx.Commit();
  auto response = http::Response::Json({{"id", id}, {"phone", phone}});
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

// ---- roles

RoleInput ReadRole(const http::Request& request, bool create) {
  http::BodyReader in(request.JsonObjectBody());
  RoleInput r;
  if (create) r.code = in.String("code", 1, 32);
  r.name_zh = in.String("name_zh", 1, 50);
  r.name_en = in.String("name_en", 1, 100);
  r.permissions = in.StringList("permissions", 200);
  const auto scope = in.Enum("data_scope", {"own", "children", "all"});
  r.scope = ParseDataScope(scope).value_or(DataScope::kOwn);
  in.Check();
  return r;
}

http::Response ListRolesRoute(Deps& d, http::Request&) {
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : ListRoles(tx)) items.push_back(ToJson(r));
  return http::Response::Json({{"items", items}});
}

http::Response CreateRoleRoute(Deps& d, http::Request& request) {
  const auto input = ReadRole(request, true);
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  const auto r = CreateRole(tx, d.Now(), audit::ActorFrom(request), Caller(request), input);
  tx.Commit();
  return http::Response::Json(ToJson(r), 201);
}

http::Response UpdateRoleRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  const auto input = ReadRole(request, false);
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  const auto r = UpdateRole(tx, d.Now(), audit::ActorFrom(request), Caller(request), id, input);
  tx.Commit();
  return http::Response::Json(ToJson(r));
}

http::Response PermissionsRoute(Deps&, http::Request&) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : Permissions())
    items.push_back({{"code", p.code}, {"name_zh", p.name_zh}, {"name_en", p.name_en}, {"verified_only", p.verified_only}});
  return http::Response::Json({{"items", items}});
}

// ---- login log, sessions, API keys

http::Response LoginLogRoute(Deps& d, http::Request& request) {
  const auto paging = http::ParsePaging(request);
  LoginLogFilter f;
  f.username = NonEmpty(request, "username");
  f.result = NonEmpty(request, "result");
  if (f.result && *f.result != "success" && *f.result != "failure" && *f.result != "locked")
    throw Error::BadRequest("http.bad_query", "result 应为 success、failure 或 locked",
                            "result must be success, failure or locked");
  f.from = http::QueryInstant(request, "from");
  f.to = http::QueryInstant(request, "to", true);
  f.offset = paging.offset();
  f.limit = paging.size;
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : ListLoginLog(tx, f, &total))
    items.push_back({{"id", e.id},
                     {"at", time::FormatRfc3339(e.at)},
                     {"username", e.username},
                     {"result", ToString(e.result)},
                     {"client_addr", e.client_addr},
                     {"user_agent", e.user_agent},
                     {"reason", e.reason}});
  return http::Response::Json(http::PageJson(std::move(items), total, paging));
}

http::Response ListSessionsRoute(Deps& d, http::Request& request) {
  const auto paging = http::ParsePaging(request);
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : ListSessions(tx, d.Now(), paging.offset(), paging.size, &total))
    items.push_back({{"id", s.id},
                     {"username", s.username},
                     {"display_name", s.display_name},
                     {"client_addr", s.client_addr},
                     {"user_agent", s.user_agent},
                     {"created_at", time::FormatRfc3339(s.created_at)},
                     {"last_seen_at", time::FormatRfc3339(s.last_seen_at)},
                     {"expires_at", time::FormatRfc3339(s.expires_at)},
                     {"current", std::to_string(s.id) == request.principal->session_id}});
  return http::Response::Json(http::PageJson(std::move(items), total, paging));
}

http::Response RevokeSessionRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  RevokeSession(tx, d.Now(), audit::ActorFrom(request), id);
  tx.Commit();
  return http::Response::NoContent();
}

http::Response ListApiKeysRoute(Deps& d, http::Request&) {
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& k : ListApiKeys(tx)) items.push_back(ToJson(k));
  return http::Response::Json({{"items", items}});
}

http::Response CreateApiKeyRoute(Deps& d, http::Request& request) {
  http::BodyReader in(request.JsonObjectBody());
  const auto name = in.String("name", 1, 50);
  auto scope = in.StringList("scope", 100);
  const auto expires_days = in.OptInt("expires_days", 1, 3650);
  in.Check();
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  const auto made = CreateApiKey(tx, d.Now(), audit::ActorFrom(request), Caller(request), name, std::move(scope),
                                 expires_days ? std::optional<int>(static_cast<int>(*expires_days)) : std::nullopt);
  tx.Commit();
  auto body = ToJson(made.key);
  body["key"] = made.secret;
  auto response = http::Response::Json(body, 201);
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

http::Response RevokeApiKeyRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  RevokeApiKey(tx, d.Now(), audit::ActorFrom(request), id);
  tx.Commit();
  return http::Response::NoContent();
}

// ---- applicants

http::Response RegisterApplicantRoute(Deps& d, http::Request& request) {
  http::BodyReader in(request.JsonObjectBody());
  ApplicantRegistration reg;
  reg.username = in.String("username", 1, 32);
  reg.password = in.Has("password") && in.body()["password"].is_string() ? in.body()["password"].get<std::string>() : "";
  reg.kind = in.Enum("kind", {"natural", "legal"});
  reg.name = in.String("name", 1, 100);
  reg.id_number = in.OptString("id_number", 30).value_or("");
  reg.credit_code = in.OptString("credit_code", 30).value_or("");
  reg.phone = in.OptString("phone", 20).value_or("");
  in.Check("identity.bad_registration");
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  const auto a = RegisterApplicant(tx, d.Now(), audit::ActorFrom(request), *d.ctx.vault, reg);
  tx.Commit();
  return http::Response::Json(ToJson(a), 201);
}

http::Response ListApplicantsRoute(Deps& d, http::Request& request) {
  const auto paging = http::ParsePaging(request);
  std::optional<bool> verified;
  if (auto v = NonEmpty(request, "verified")) {
    if (*v != "true" && *v != "false")
      throw Error::BadRequest("http.bad_query", "verified 应为 true 或 false", "verified must be true or false");
    verified = *v == "true";
  }
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : ListApplicants(tx, verified, paging.offset(), paging.size, &total)) items.push_back(ToJson(a));
  return http::Response::Json(http::PageJson(std::move(items), total, paging));
}

http::Response VerifyApplicantRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  http::BodyReader in(request.body.empty() ? nlohmann::json::object() : request.JsonObjectBody());
  const auto method = in.OptEnum("method", {"papers", "provider"}).value_or("papers");
  in.Check();
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  const auto a = VerifyApplicant(tx, d.Now(), audit::ActorFrom(request), *d.ctx.vault, id,
                                 method == "provider" ? d.provider.get() : nullptr);
  tx.Commit();
  return http::Response::Json(ToJson(a));
}

http::Response ApplicantIdNumberRoute(Deps& d, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kWrite);
  const auto number = RevealApplicantIdNumber(tx, d.Now(), audit::ActorFrom(request), *d.ctx.vault, id);
  tx.Commit();
  auto response = http::Response::Json({{"id", id}, {"id_number", number}});
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

http::Response MyProfileRoute(Deps& d, http::Request& request) {
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
  const auto a = FindApplicantOfUser(tx, request.principal->user_id);
  if (!a) throw Error::NotFound("identity.applicant_not_found", "您不是申请人账号", "This account is not an applicant");
  return http::Response::Json(ToJson(*a));
}

http::Response MyEnterprisesRoute(Deps& d, http::Request& request) {
  db::Tx tx = d.ctx.db.Begin(db::TxMode::kRead);
  const auto a = FindApplicantOfUser(tx, request.principal->user_id);
  nlohmann::json items = nlohmann::json::array();
  // A legal person acts for itself; agents' authorisations arrive with the cases module.
  if (a && a->kind == "legal" && a->credit_code)
    items.push_back({{"credit_code", *a->credit_code}, {"name", a->name}, {"relation", "self"}});
  return http::Response::Json({{"items", items}});
}

// ---- the authenticator

std::shared_ptr<const http::Principal> Authenticate(AppContext& ctx, http::Request& request) {
  const auto now = ctx.clock.Now();
  const std::string_view authorization = request.Header("authorization");
  Authenticated auth;
  bool by_cookie = false;
  if (authorization.rfind("Bearer ", 0) == 0) {
    db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
    auth = AuthenticateApiKey(tx, now, std::string(authorization.substr(7)));
    if (!auth.principal)
      throw Error::Unauthenticated("auth.bad_api_key", "接口密钥无效、已过期或已吊销", "The API key is invalid, expired or revoked");
  } else {
    const std::string token = CookieValue(request.Header("cookie"), kCookie);
    if (token.empty()) return nullptr;
    db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
    auth = AuthenticateSession(tx, now, token);
    by_cookie = true;
  }
  if (!auth.principal) return nullptr;  // expired or revoked: anonymous, so protected routes answer 401
  if (by_cookie && request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS") {
    // A cookie is sent by the browser on its own; only our page can read the CSRF token.
    if (request.Header("x-csrf-token") != auth.csrf_token) {
      // Logging in or using a public form with a stale cookie is fine: treat the caller as anonymous.
      if (request.path == "/api/v1/auth/login" || request.path.rfind("/api/v1/public/", 0) == 0) return nullptr;
      throw Error::Forbidden("auth.csrf", "缺少或错误的 CSRF 令牌（X-CSRF-Token）", "Missing or wrong CSRF token (X-CSRF-Token)");
    }
  }
  if (auth.needs_touch) {
    try {
      db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
      if (auth.session_id) TouchSession(tx, now, auth.session_id);
      if (auth.api_key_id) TouchApiKey(tx, now, auth.api_key_id);
      tx.Commit();
    } catch (const std::exception& e) {
      // A busy database must not fail the request; the next one pushes the expiry.
      spdlog::warn("could not push the session's expiry: {}", e.what());
    }
  }
  return auth.principal;
}

}  // namespace

void RegisterRoutes(http::Router& router, AppContext& ctx) {
  auto deps = std::make_shared<Deps>(Deps{ctx, ctx.divisions, MakeDemoIdentityProvider()});
  ctx.authenticator = [&ctx](http::Request& r) { return Authenticate(ctx, r); };
  const std::string pub(http::kPublic), authed(http::kAuthenticated);
  auto h = [deps](Handler f) { return [deps, f](http::Request& r) { return f(*deps, r); }; };
  router.AddAll({
      {"POST", "/api/v1/auth/login", pub, h(Login)},
      {"POST", "/api/v1/auth/logout", authed, h(Logout)},
      {"GET", "/api/v1/auth/me", authed, h(Me)},
      {"GET", "/api/v1/system/departments", "system.department.read", h(ListDepartmentsRoute)},
      {"POST", "/api/v1/system/departments", "system.department.edit", h(CreateDepartmentRoute)},
      {"PUT", "/api/v1/system/departments/{id}", "system.department.edit", h(UpdateDepartmentRoute)},
      {"DELETE", "/api/v1/system/departments/{id}", "system.department.edit", h(DeleteDepartmentRoute)},
      {"GET", "/api/v1/system/users", "system.user.read", h(ListUsersRoute)},
      {"POST", "/api/v1/system/users", "system.user.edit", h(CreateUserRoute)},
      {"GET", "/api/v1/system/users/{id}", "system.user.read", h(GetUserRoute)},
      {"PUT", "/api/v1/system/users/{id}", "system.user.edit", h(UpdateUserRoute)},
      {"POST", "/api/v1/system/users/{id}/reset-password", "system.user.edit", h(ResetPasswordRoute)},
      {"POST", "/api/v1/system/users/{id}/unlock", "system.user.edit", h(UnlockRoute)},
      {"GET", "/api/v1/system/users/{id}/phone", "system.user.read_pii", h(PhoneRoute)},
      {"GET", "/api/v1/system/roles", "system.role.read", h(ListRolesRoute)},
      {"POST", "/api/v1/system/roles", "system.role.edit", h(CreateRoleRoute)},
      {"PUT", "/api/v1/system/roles/{id}", "system.role.edit", h(UpdateRoleRoute)},
      {"GET", "/api/v1/system/permissions", "system.role.read", h(PermissionsRoute)},
      {"GET", "/api/v1/system/login-log", "system.loginlog.read", h(LoginLogRoute)},
      {"GET", "/api/v1/system/sessions", "system.session.read", h(ListSessionsRoute)},
      {"DELETE", "/api/v1/system/sessions/{id}", "system.session.revoke", h(RevokeSessionRoute)},
      {"GET", "/api/v1/system/api-keys", "system.apikey.read", h(ListApiKeysRoute)},
      {"POST", "/api/v1/system/api-keys", "system.apikey.edit", h(CreateApiKeyRoute)},
      {"DELETE", "/api/v1/system/api-keys/{id}", "system.apikey.edit", h(RevokeApiKeyRoute)},
      {"POST", "/api/v1/public/applicants/register", pub, h(RegisterApplicantRoute)},
      {"GET", "/api/v1/system/applicants", "identity.applicant.read", h(ListApplicantsRoute)},
      {"POST", "/api/v1/system/applicants/{id}/verify", "identity.applicant.verify", h(VerifyApplicantRoute)},
      {"GET", "/api/v1/system/applicants/{id}/id-number", "identity.applicant.read_pii", h(ApplicantIdNumberRoute)},
      {"GET", "/api/v1/applicant/me", "identity.profile.read", h(MyProfileRoute)},
      {"GET", "/api/v1/applicant/enterprises", "identity.enterprise.act", h(MyEnterprisesRoute)},
  });
}

}  // namespace tongban::identity
