#include "identity/service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "audit/service.hpp"
#include "identity/password.hpp"
#include "identity/store.hpp"
#include "platform/codes/citizen_id.hpp"
#include "platform/codes/credit_code.hpp"
#include "platform/crypto/hash.hpp"
#include "platform/errors/error.hpp"
#include "system/service.hpp"

namespace tongban::identity {
namespace {

// A session's last_seen_at is written at most this often (the sliding expiry moves by it).
constexpr auto kTouchInterval = std::chrono::seconds(60);
constexpr std::string_view kApiKeyPrefix = "tbk_";

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

Error Invalid(const std::string& code, const std::string& pointer, const std::string& zh, const std::string& en) {
  return Error::Unprocessable(code, zh, en, {{pointer, code.substr(code.find('.') + 1), zh, en}});
}

Error UserNotFound() { return Error::NotFound("identity.user_not_found", "没有这个用户", "No such user"); }

bool ValidUsername(const std::string& u) {
  if (u.size() < 3 || u.size() > 32) return false;
  for (char c : u)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) return false;
  return u[0] >= 'a' && u[0] <= 'z';
}

void CheckUsername(const std::string& u) {
  if (!ValidUsername(u))
    throw Invalid("identity.bad_username", "/username",
                  "用户名应为 3 到 32 个字符，以小写字母开头，只含小写字母、数字和 _ . -",
                  "The username must be 3-32 characters: a lower-case letter first, then lower-case letters, digits, _ . -");
}

void EnforcePasswordPolicy(const std::string& password, const std::string& username) {
  if (auto problem = CheckPasswordPolicy(password, username))
    throw Error::Unprocessable("identity.weak_password", problem->message_zh, problem->message_en,
                               {{"/password", problem->code, problem->message_zh, problem->message_en}});
}

// Refuses to grant administrative powers (system.* and identity.* permissions) the caller does
// not hold itself: no privilege escalation through roles, user edits or API keys. Business
// permissions (cases.*, supervision.*, ...) are what administrators hand out without holding them.
void CheckCanGrant(const http::Principal& caller, const std::vector<std::string>& permissions) {
  std::vector<std::string> missing;
  for (const auto& p : permissions) {
    const bool administrative = p.rfind("system.", 0) == 0 || p.rfind("identity.", 0) == 0;
    if (administrative && !caller.HasPermission(p)) missing.push_back(p);
  }
  if (!missing.empty())
    throw Error::Forbidden("identity.cannot_grant", "不能授予自己没有的权限：" + fmt::format("{}", fmt::join(missing, ", ")),
                           "Cannot grant permissions you do not hold: " + fmt::format("{}", fmt::join(missing, ", ")))
        .WithDetails({{"missing", missing}});
}

std::vector<std::string> CheckPermissions(std::vector<std::string> permissions) {
  std::vector<std::string> unknown;
  for (const auto& p : permissions)
    if (!FindPermission(p)) unknown.push_back(p);
  if (!unknown.empty()) {
    const auto list = fmt::format("{}", fmt::join(unknown, ", "));
    throw Error::Unprocessable("identity.unknown_permission", "未知权限：" + list, "Unknown permissions: " + list,
                               {{"/permissions", "unknown_permission", "未知权限：" + list, "Unknown permissions: " + list}})
        .WithDetails({{"unknown", unknown}});
  }
  std::sort(permissions.begin(), permissions.end());
  permissions.erase(std::unique(permissions.begin(), permissions.end()), permissions.end());
  return permissions;
}

nlohmann::json DepartmentChange(const Department& d) {
  return {{"parent_id", d.parent_id ? nlohmann::json(*d.parent_id) : nlohmann::json()},
          {"name", d.name},
          {"division_code", d.division_code},
          {"is_service_hall", d.is_service_hall},
          {"sort", d.sort},
          {"status", d.status}};
}

nlohmann::json UserChange(const User& u) {
  return {{"username", u.username},
          {"display_name", u.display_name},
          {"department_id", u.department_id ? nlohmann::json(*u.department_id) : nlohmann::json()},
          {"roles", u.roles},
          {"status", u.status},
          {"phone", u.phone_masked}};
}

// The roles named by `codes`, refusing unknown ones and those no person may hold here.
std::vector<Role> ResolveRoles(db::Tx& tx, const std::vector<std::string>& codes, const std::string& kind) {
  std::vector<Role> roles;
  for (const auto& code : codes) {
    auto role = IdentityStore::FindRoleByCode(tx, code);
    if (!role)
      throw Invalid("identity.unknown_role", "/roles", "没有这个角色：" + code, "No such role: " + code);
    if (code == "system")
      throw Invalid("identity.unknown_role", "/roles", "“system”是平台自身的角色，不能授予用户",
                    "\"system\" is the platform's own role; no user may hold it");
    if ((code == "applicant") != (kind == "applicant"))
      throw Invalid("identity.unknown_role", "/roles", "申请人角色只属于申请人账号",
                    "The applicant role belongs to applicant accounts only");
    roles.push_back(std::move(*role));
  }
  return roles;
}

std::vector<std::string> PermissionsOf(const std::vector<Role>& roles) {
  std::vector<std::string> out;
  for (const auto& r : roles) out.insert(out.end(), r.permissions.begin(), r.permissions.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void CheckDivision(db::Tx& tx, const codes::DivisionTable& divisions, const DepartmentInput& in) {
  const auto* division = divisions.Find(in.division_code);
  if (!division)
    throw Invalid("identity.bad_division", "/division_code", "行政区划代码无效：" + in.division_code,
                  "Not a known administrative division code: " + in.division_code);
  if (!in.parent_id) return;
  const auto parent = IdentityStore::FindDepartment(tx, *in.parent_id);
  if (!parent)
    throw Invalid("identity.unknown_parent", "/parent_id", "上级部门不存在", "The parent department does not exist");
  // A department lies within its parent's division: the same one or one below it.
  for (const auto* d = division; d; d = d->parent_code.empty() ? nullptr : divisions.Find(d->parent_code))
    if (d->code == parent->division_code) return;
  throw Invalid("identity.bad_division", "/division_code",
                fmt::format("{}（{}）不在上级部门的区划 {} 之内", division->name, in.division_code, parent->division_code),
                fmt::format("{} ({}) is not within the parent's division {}", division->name, in.division_code,
                            parent->division_code));
}

Department FromInput(const DepartmentInput& in) {
  Department d;
  d.parent_id = in.parent_id;
  d.name = in.name;
  d.division_code = in.division_code;
  d.is_service_hall = in.is_service_hall;
  d.sort = in.sort;
  d.status = in.status;
  return d;
}

std::optional<std::string> SealPhone(const pii::Vault& vault, User& u, const std::optional<std::string>& phone) {
  if (!phone || phone->empty()) {
    u.phone_sealed.clear();
    u.phone_masked.clear();
    return std::nullopt;
  }
  const std::string normalized = pii::NormalizePhone(*phone);
  if (normalized.empty())
    throw Invalid("identity.bad_phone", "/phone", "电话号码格式不正确", "The phone number is not valid");
  u.phone_sealed = vault.Encrypt(pii::Kind::kPhone, normalized);
  u.phone_masked = pii::MaskPhone(normalized);
  return vault.BlindIndex(pii::Kind::kPhone, normalized);
}

void CheckInScope(db::Tx& tx, const http::Principal& caller, const User& user) {
  if (user.kind != "staff") throw UserNotFound();
  const auto visible = VisibleDepartments(tx, caller);
  if (visible && (!user.department_id || !visible->count(*user.department_id))) throw UserNotFound();
}

User LoadUser(db::Tx& tx, time::Instant now, std::int64_t id) {
  auto user = IdentityStore::FindUser(tx, id);
  if (!user) throw UserNotFound();
  user->locked_until = IdentityStore::LockedUntil(tx, user->username, now);
  return *user;
}

LockoutPolicy PolicyOf(db::Tx& tx) {
  LockoutPolicy p;
  p.threshold = static_cast<int>(system::GetInt(tx, system::kLockoutThreshold));
  p.lock = std::chrono::minutes(system::GetInt(tx, system::kLockoutMinutes));
  p.throttle_threshold = static_cast<int>(system::GetInt(tx, system::kThrottleThreshold));
  p.throttle_window = std::chrono::minutes(system::GetInt(tx, system::kThrottleWindowMinutes));
  return p;
}

// Verifying a password for an unknown user still costs one argon2 run, so timing does not tell
// which usernames exist.
const std::string& DummyHash() {
  static const std::string kHash = HashPassword("not a password of anyone");
  return kHash;
}

}  // namespace

// ---- data scope

std::optional<std::set<std::int64_t>> ScopeDepartments(const std::vector<Department>& all, std::int64_t own,
                                                       DataScope scope) {
  if (scope == DataScope::kAll) return std::nullopt;
  std::set<std::int64_t> out;
  if (own == 0) return out;
  out.insert(own);
  if (scope == DataScope::kOwn) return out;
  std::multimap<std::int64_t, std::int64_t> children;
  for (const auto& d : all)
    if (d.parent_id) children.emplace(*d.parent_id, d.id);
  std::vector<std::int64_t> stack{own};
  while (!stack.empty()) {
    const auto id = stack.back();
    stack.pop_back();
    for (auto [it, end] = children.equal_range(id); it != end; ++it)
      if (out.insert(it->second).second) stack.push_back(it->second);
  }
  return out;
}

DataScope ScopeOf(db::Tx& tx, const http::Principal& caller) {
  DataScope scope = DataScope::kOwn;
  if (caller.kind == "system") return DataScope::kAll;
  for (const auto& code : caller.roles)
    if (auto role = IdentityStore::FindRoleByCode(tx, code)) scope = Wider(scope, role->scope);
  return scope;
}

std::optional<std::set<std::int64_t>> VisibleDepartments(db::Tx& tx, const http::Principal& caller) {
  const DataScope scope = ScopeOf(tx, caller);
  if (scope == DataScope::kAll) return std::nullopt;
  return ScopeDepartments(IdentityStore::Departments(tx), caller.department_id, scope);
}

// ---- departments

std::vector<Department> ListDepartments(db::Tx& tx) { return IdentityStore::Departments(tx); }

Department CreateDepartment(db::Tx& tx, time::Instant now, const audit::Actor& actor, const codes::DivisionTable& divisions,
                            const DepartmentInput& input) {
  CheckDivision(tx, divisions, input);
  Department d = FromInput(input);
  d.id = IdentityStore::InsertDepartment(tx, d, now);
  d.created_at = now;
  audit::Append(tx, now, actor, "system.department.create", "department", std::to_string(d.id), DepartmentChange(d));
  return d;
}

Department UpdateDepartment(db::Tx& tx, time::Instant now, const audit::Actor& actor, const codes::DivisionTable& divisions,
                            std::int64_t id, const DepartmentInput& input) {
  const auto before = IdentityStore::FindDepartment(tx, id);
  if (!before) throw Error::NotFound("identity.department_not_found", "没有这个部门", "No such department");
  // A cycle: the new parent is this department or one of its descendants.
  for (auto p = input.parent_id; p;) {
    if (*p == id)
      throw Invalid("identity.department_cycle", "/parent_id", "不能把部门移到它自己或它的下级之下",
                    "A department cannot be moved under itself or one of its descendants");
    const auto parent = IdentityStore::FindDepartment(tx, *p);
    p = parent ? parent->parent_id : std::nullopt;
  }
  CheckDivision(tx, divisions, input);
  Department d = FromInput(input);
  d.id = id;
  d.created_at = before->created_at;
  IdentityStore::UpdateDepartment(tx, d, now);
  audit::Append(tx, now, actor, "system.department.edit", "department", std::to_string(id),
                {{"before", DepartmentChange(*before)}, {"after", DepartmentChange(d)}});
  return d;
}

void DeleteDepartment(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t id) {
  const auto before = IdentityStore::FindDepartment(tx, id);
  if (!before) throw Error::NotFound("identity.department_not_found", "没有这个部门", "No such department");
  if (IdentityStore::CountChildren(tx, id) > 0)
    throw Error::Conflict("identity.department_has_children", "部门下还有下级部门，不能删除",
                          "The department has sub-departments and cannot be deleted");
  if (IdentityStore::CountUsersIn(tx, id) > 0)
    throw Error::Conflict("identity.department_has_users", "部门下还有用户，不能删除",
                          "The department still has users and cannot be deleted");
  IdentityStore::DeleteDepartment(tx, id);
  audit::Append(tx, now, actor, "system.department.delete", "department", std::to_string(id), DepartmentChange(*before));
}

// ---- roles

std::vector<Role> ListRoles(db::Tx& tx) { return IdentityStore::Roles(tx); }

Role CreateRole(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                const RoleInput& input) {
  if (!ValidUsername(input.code) || input.code.find('.') != std::string::npos)
    throw Invalid("identity.bad_role_code", "/code", "角色编码应为 3 到 32 个小写字母、数字或 _ -，以字母开头",
                  "The role code must be 3-32 lower-case letters, digits, _ or -, starting with a letter");
  Role role;
  role.code = input.code;
  role.name_zh = input.name_zh;
  role.name_en = input.name_en;
  role.scope = input.scope;
  role.permissions = CheckPermissions(input.permissions);
  CheckCanGrant(caller, role.permissions);
  role.id = IdentityStore::InsertRole(tx, role, now);
  audit::Append(tx, now, actor, "system.role.create", "role", std::to_string(role.id),
                {{"code", role.code}, {"permissions", role.permissions}, {"data_scope", ToString(role.scope)}});
  return role;
}

Role UpdateRole(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                std::int64_t id, const RoleInput& input) {
  auto role = IdentityStore::FindRole(tx, id);
  if (!role) throw Error::NotFound("identity.role_not_found", "没有这个角色", "No such role");
  if (role->builtin)
    throw Error::Conflict("identity.builtin_role", "内置角色不能修改，请新建角色", "Built-in roles cannot be changed; create a role instead");
  const auto before = role->permissions;
  role->name_zh = input.name_zh;
  role->name_en = input.name_en;
  role->scope = input.scope;
  role->permissions = CheckPermissions(input.permissions);
  CheckCanGrant(caller, role->permissions);
  IdentityStore::UpdateRole(tx, *role);
  audit::Append(tx, now, actor, "system.role.edit", "role", std::to_string(id),
                {{"code", role->code}, {"before", before}, {"permissions", role->permissions},
                 {"data_scope", ToString(role->scope)}});
  return *role;
}

// ---- users

std::vector<User> ListUsers(db::Tx& tx, time::Instant now, const http::Principal& caller, const UserListFilter& filter,
                            std::int64_t* total) {
  IdentityStore::UserFilter f;
  f.username = filter.username ? std::optional(Lower(*filter.username)) : std::nullopt;
  f.department_id = filter.department_id;
  f.status = filter.status;
  f.kind = "staff";
  f.departments = VisibleDepartments(tx, caller);
  f.offset = filter.offset;
  f.limit = filter.limit;
  auto users = IdentityStore::Users(tx, f, total);
  for (auto& u : users) u.locked_until = IdentityStore::LockedUntil(tx, u.username, now);
  return users;
}

User GetUser(db::Tx& tx, time::Instant now, const http::Principal& caller, std::int64_t id) {
  User user = LoadUser(tx, now, id);
  CheckInScope(tx, caller, user);
  return user;
}

namespace {
// The department a staff user's input names: required, existing, and inside the caller's data
// scope (`out_of_scope_zh/en` say which act was refused).
Department StaffDepartment(db::Tx& tx, const http::Principal& caller, const UserInput& input,
                           const char* out_of_scope_zh, const char* out_of_scope_en) {
  if (!input.department_id)
    throw Invalid("identity.department_required", "/department_id", "工作人员必须属于一个部门",
                  "A staff user must belong to a department");
  auto dept = IdentityStore::FindDepartment(tx, *input.department_id);
  if (!dept) throw Invalid("identity.unknown_department", "/department_id", "部门不存在", "The department does not exist");
  const auto visible = VisibleDepartments(tx, caller);
  if (visible && !visible->count(dept->id)) throw Error::Forbidden("identity.out_of_scope", out_of_scope_zh, out_of_scope_en);
  return *dept;
}
}  // namespace

User CreateUser(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                const pii::Vault& vault, const UserInput& input, const std::string* precomputed_hash) {
  User u;
  u.username = Lower(input.username);
  CheckUsername(u.username);
  if (!precomputed_hash) EnforcePasswordPolicy(input.password, u.username);
  const auto dept = StaffDepartment(tx, caller, input, "不能在您的数据范围以外建用户",
                                    "Cannot create a user outside your data scope");
  const auto roles = ResolveRoles(tx, input.roles, "staff");
  CheckCanGrant(caller, PermissionsOf(roles));
  u.display_name = input.display_name;
  u.kind = "staff";
  u.department_id = dept.id;
  u.department_name = dept.name;
  u.status = input.status;
  const auto phone_index = SealPhone(vault, u, input.phone);
  u.password_hash = precomputed_hash ? *precomputed_hash : HashPassword(input.password);
  u.id = IdentityStore::InsertUser(tx, u, phone_index, now);
  std::vector<std::int64_t> role_ids;
  for (const auto& r : roles) role_ids.push_back(r.id), u.roles.push_back(r.code);
  std::sort(u.roles.begin(), u.roles.end());
  IdentityStore::SetUserRoles(tx, u.id, role_ids);
  u.created_at = now;
  audit::Append(tx, now, actor, "system.user.create", "user", std::to_string(u.id), UserChange(u));
  return u;
}

User UpdateUser(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                const pii::Vault& vault, std::int64_t id, const UserInput& input) {
  User u = GetUser(tx, now, caller, id);
  const User before = u;
  const auto dept = StaffDepartment(tx, caller, input, "不能把用户移到您的数据范围以外",
                                    "Cannot move a user outside your data scope");
  const auto roles = ResolveRoles(tx, input.roles, "staff");
  CheckCanGrant(caller, PermissionsOf(roles));
  if (caller.kind == "user" && caller.user_id == id) {
    const auto perms = PermissionsOf(roles);
    if (input.status != "active" || !std::binary_search(perms.begin(), perms.end(), "system.user.edit"))
      throw Error::Conflict("identity.cannot_lock_out_self", "不能停用自己或撤销自己管理用户的权限",
                            "You cannot disable yourself or remove your own right to manage users");
  }
  u.display_name = input.display_name;
  u.department_id = dept.id;
  u.department_name = dept.name;
  u.status = input.status;
  std::optional<std::string> phone_index;
  const bool phone_changed = input.phone.has_value();
  if (phone_changed) phone_index = SealPhone(vault, u, input.phone);
  IdentityStore::UpdateUser(tx, u, phone_index, phone_changed, now);
  std::vector<std::int64_t> role_ids;
  u.roles.clear();
  for (const auto& r : roles) role_ids.push_back(r.id), u.roles.push_back(r.code);
  std::sort(u.roles.begin(), u.roles.end());
  IdentityStore::SetUserRoles(tx, u.id, role_ids);
  if (u.status == "disabled" && before.status != "disabled") IdentityStore::RevokeSessionsOfUser(tx, u.id, now);
  audit::Append(tx, now, actor, "system.user.edit", "user", std::to_string(u.id),
                {{"before", UserChange(before)}, {"after", UserChange(u)}});
  return u;
}

void ResetPassword(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                   std::int64_t id, const std::string& password) {
  const User u = GetUser(tx, now, caller, id);
  EnforcePasswordPolicy(password, u.username);
  IdentityStore::SetPassword(tx, u.id, HashPassword(password), now);
  IdentityStore::RevokeSessionsOfUser(tx, u.id, now);
  audit::Append(tx, now, actor, "system.user.reset_password", "user", std::to_string(u.id), {{"username", u.username}});
}

void UnlockUser(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller, std::int64_t id) {
  const User u = GetUser(tx, now, caller, id);
  IdentityStore::ClearCounters(tx, u.username);
  audit::Append(tx, now, actor, "system.user.unlock", "user", std::to_string(u.id),
                {{"username", u.username},
                 {"was_locked_until", u.locked_until ? nlohmann::json(time::FormatRfc3339(*u.locked_until)) : nlohmann::json()}});
}

std::string RevealPhone(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                        const pii::Vault& vault, std::int64_t id) {
  const User u = GetUser(tx, now, caller, id);
  audit::Append(tx, now, actor, "system.user.read_pii", "user", std::to_string(u.id),
                {{"field", "phone"}, {"shown", u.phone_masked}});
  return u.phone_sealed.empty() ? "" : vault.Decrypt(pii::Kind::kPhone, u.phone_sealed);
}

bool HasNoUsers(db::Tx& tx) { return IdentityStore::CountUsers(tx) == 0; }

http::Principal SystemPrincipal() {
  http::Principal p;
  p.username = "system";
  p.kind = "system";
  p.roles = {"system"};
  for (const auto& perm : Permissions()) p.permissions.push_back(perm.code);
  std::sort(p.permissions.begin(), p.permissions.end());
  return p;
}

User CreateFirstAdmin(db::Tx& tx, time::Instant now, const pii::Vault& vault, const std::string& username,
                      const std::string& password) {
  auto departments = IdentityStore::Departments(tx);
  std::int64_t dept_id = 0;
  if (departments.empty()) {
    Department root;
    root.name = "系统管理";
    root.division_code = "100000";
    dept_id = IdentityStore::InsertDepartment(tx, root, now);
    audit::Append(tx, now, audit::SystemActor(), "system.department.create", "department", std::to_string(dept_id),
                  DepartmentChange(root));
  } else {
    dept_id = departments.front().id;
  }
  UserInput in;
  in.username = username;
  in.display_name = "系统管理员";
  in.department_id = dept_id;
  in.roles = {"admin"};
  in.password = password;
  return CreateUser(tx, now, audit::SystemActor(), SystemPrincipal(), vault, in);
}

// ---- applicants

Applicant RegisterApplicant(db::Tx& tx, time::Instant now, const audit::Actor& actor, const pii::Vault& vault,
                            const ApplicantRegistration& in, bool at_window) {
  if (!at_window && !system::GetBool(tx, system::kApplicantRegistration))
    throw Error::Forbidden("identity.registration_closed", "暂不开放自助注册，请到窗口办理",
                           "Self-registration is closed; please register at a service window");
  std::vector<FieldError> errors;
  auto fail = [&](const std::string& pointer, const std::string& code, const std::string& zh, const std::string& en) {
    errors.push_back({pointer, code, zh, en});
  };
  const std::string username = Lower(in.username);
  if (!ValidUsername(username))
    fail("/username", "bad_username", "用户名应为 3 到 32 个字符，以小写字母开头，只含小写字母、数字和 _ . -",
         "The username must be 3-32 characters: a lower-case letter first, then lower-case letters, digits, _ . -");
  if (auto problem = CheckPasswordPolicy(in.password, username))
    fail("/password", problem->code, problem->message_zh, problem->message_en);
  if (in.kind != "natural" && in.kind != "legal")
    fail("/kind", "enum", "kind 应为 natural（自然人）或 legal（法人）", "kind must be natural or legal");
  if (in.name.empty()) fail("/name", "required", "姓名或单位名称必填", "The name is required");
  const auto today = *time::Date::Parse(time::ShanghaiDate(now));
  std::string id_number;
  if (!in.id_number.empty() || in.kind == "natural") {
    const auto check = codes::CheckCitizenId(in.id_number, today);
    if (!check.valid) fail("/id_number", check.reason, "公民身份号码无效：" + check.reason_zh, "Invalid citizen ID: " + check.reason_en);
    else id_number = check.normalized;
  }
  std::optional<std::string> credit_code;
  if (in.kind == "legal") {
    const auto check = codes::CheckCreditCode(in.credit_code);
    if (!check.valid)
      fail("/credit_code", check.reason.empty() ? "required" : check.reason, "统一社会信用代码无效：" + check.reason_zh,
           "Invalid unified social credit code: " + check.reason_en);
    else credit_code = check.normalized;
  }
  std::string phone;
  if (!in.phone.empty()) {
    phone = pii::NormalizePhone(in.phone);
    if (phone.empty()) fail("/phone", "bad_phone", "电话号码格式不正确", "The phone number is not valid");
  }
  if (!errors.empty()) {
    std::string zh = "注册信息有误：", en = "Invalid registration: ";
    for (std::size_t i = 0; i < errors.size(); ++i) {
      zh += (i ? "；" : "") + errors[i].message_zh;
      en += (i ? "; " : "") + errors[i].message_en;
    }
    throw Error::Unprocessable("identity.bad_registration", zh, en, errors);
  }
  User u;
  u.username = username;
  u.display_name = in.name;
  u.kind = "applicant";
  u.status = "active";
  const auto phone_index = SealPhone(vault, u, phone.empty() ? std::nullopt : std::optional(phone));
  u.password_hash = HashPassword(in.password);
  u.id = IdentityStore::InsertUser(tx, u, phone_index, now);
  const auto role = IdentityStore::FindRoleByCode(tx, "applicant");
  IdentityStore::SetUserRoles(tx, u.id, {role->id});
  Applicant a;
  a.user_id = u.id;
  a.username = u.username;
  a.kind = in.kind;
  a.name = in.name;
  a.credit_code = credit_code;
  std::optional<std::string> id_index;
  if (!id_number.empty()) {
    a.id_number_sealed = vault.Encrypt(pii::Kind::kIdNumber, id_number);
    a.id_number_masked = pii::MaskIdNumber(id_number);
    id_index = vault.BlindIndex(pii::Kind::kIdNumber, id_number);
  }
  a.id = IdentityStore::InsertApplicant(tx, a, id_index, now);
  a.created_at = now;
  audit::Append(tx, now, actor, "identity.applicant.register", "applicant", std::to_string(a.id),
                {{"username", a.username}, {"kind", a.kind}, {"id_number", a.id_number_masked},
                 {"credit_code", credit_code ? nlohmann::json(*credit_code) : nlohmann::json()}});
  return a;
}

std::string RevealApplicantIdNumber(db::Tx& tx, time::Instant now, const audit::Actor& actor, const pii::Vault& vault,
                                    std::int64_t id) {
  const auto a = IdentityStore::FindApplicant(tx, id);
  if (!a) throw Error::NotFound("identity.applicant_not_found", "没有这个申请人", "No such applicant");
  audit::Append(tx, now, actor, "identity.applicant.read_pii", "applicant", std::to_string(id),
                {{"field", "id_number"}, {"shown", a->id_number_masked}});
  return a->id_number_sealed.empty() ? "" : vault.Decrypt(pii::Kind::kIdNumber, a->id_number_sealed);
}

std::vector<Applicant> ListApplicants(db::Tx& tx, std::optional<bool> verified, int offset, int limit,
                                      std::int64_t* total) {
  return IdentityStore::Applicants(tx, verified, offset, limit, total);
}

std::optional<Applicant> FindApplicantOfUser(db::Tx& tx, std::int64_t user_id) {
  return IdentityStore::FindApplicantByUser(tx, user_id);
}

namespace {
class DemoIdentityProvider final : public IdentityProvider {
 public:
  std::string name() const override { return "demo"; }
  bool Vouch(const std::string& name, const std::string& id_number) const override {
    const auto today = time::Date::FromCivil(2100, 1, 1);
    return !name.empty() && codes::CheckCitizenId(id_number, *today).valid;
  }
};
}  // namespace

std::unique_ptr<IdentityProvider> MakeDemoIdentityProvider() { return std::make_unique<DemoIdentityProvider>(); }

Applicant VerifyApplicant(db::Tx& tx, time::Instant now, const audit::Actor& actor, const pii::Vault& vault,
                          std::int64_t id, const IdentityProvider* provider) {
  auto a = IdentityStore::FindApplicant(tx, id);
  if (!a) throw Error::NotFound("identity.applicant_not_found", "没有这个申请人", "No such applicant");
  if (a->verified) throw Error::Conflict("identity.already_verified", "该申请人已核验", "The applicant is verified already");
  std::string source = "papers";
  if (provider) {
    const std::string id_number = a->id_number_sealed.empty() ? "" : vault.Decrypt(pii::Kind::kIdNumber, a->id_number_sealed);
    if (!provider->Vouch(a->name, id_number))
      throw Error::Unprocessable("identity.not_vouched", "身份认证服务未能核实该申请人",
                                 "The identity provider did not vouch for this applicant");
    source = provider->name();
  }
  IdentityStore::SetVerified(tx, id, now, actor.name);
  audit::Append(tx, now, actor, "identity.applicant.verify", "applicant", std::to_string(id),
                {{"username", a->username}, {"source", source}});
  a->verified = true;
  a->verified_at = now;
  a->verified_by = actor.name;
  return *a;
}

// ---- API keys

NewApiKey CreateApiKey(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                       const std::string& name, std::vector<std::string> scope, std::optional<int> expires_days) {
  if (scope.empty())
    throw Invalid("identity.empty_scope", "/scope", "接口密钥至少要有一项权限", "An API key needs at least one permission");
  NewApiKey out;
  out.key.scope = CheckPermissions(std::move(scope));
  CheckCanGrant(caller, out.key.scope);
  out.secret = std::string(kApiKeyPrefix) + crypto::RandomHex(24);
  out.key.name = name;
  out.key.prefix = out.secret.substr(0, 10);
  if (caller.kind == "user") out.key.created_by = caller.user_id;
  out.key.created_at = now;
  if (expires_days) out.key.expires_at = now + std::chrono::hours(24) * *expires_days;
  out.key.id = IdentityStore::InsertApiKey(tx, out.key, crypto::Sha256Hex(out.secret));
  audit::Append(tx, now, actor, "system.apikey.create", "api_key", std::to_string(out.key.id),
                {{"name", name}, {"prefix", out.key.prefix}, {"scope", out.key.scope}});
  return out;
}

std::vector<ApiKey> ListApiKeys(db::Tx& tx) { return IdentityStore::ApiKeys(tx); }

void RevokeApiKey(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t id) {
  if (!IdentityStore::RevokeApiKey(tx, id, now))
    throw Error::NotFound("identity.api_key_not_found", "没有这个有效的接口密钥", "No such active API key");
  audit::Append(tx, now, actor, "system.apikey.revoke", "api_key", std::to_string(id));
}

// ---- sessions and login

std::vector<LoginLogEntry> ListLoginLog(db::Tx& tx, const LoginLogFilter& filter, std::int64_t* total) {
  return IdentityStore::LoginLog(tx, filter, total);
}

std::vector<Session> ListSessions(db::Tx& tx, time::Instant now, int offset, int limit, std::int64_t* total) {
  return IdentityStore::LiveSessions(tx, now, offset, limit, total);
}

void RevokeSession(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t id) {
  const auto s = IdentityStore::FindSession(tx, id);
  if (!s || s->revoked_at || s->expires_at <= now || !IdentityStore::RevokeSession(tx, id, now))
    throw Error::NotFound("identity.session_not_found", "没有这个在线会话", "No such live session");
  audit::Append(tx, now, actor, "system.session.revoke", "session", std::to_string(id),
                {{"username", s->username}, {"client_addr", s->client_addr}});
}

LoginCheck PrepareLogin(db::Tx& tx, time::Instant now, const LoginRequest& request) {
  LoginCheck check;
  check.username = Lower(request.username);
  check.policy = PolicyOf(tx);
  const auto counter = IdentityStore::Counter(tx, check.username, request.client_addr);
  const auto failures = IdentityStore::FailuresSince(tx, check.username, now - check.policy.throttle_window);
  const bool familiar = IdentityStore::HasSuccessFrom(tx, check.username, request.client_addr);
  check.gate = CheckGate(check.policy, counter, failures, familiar, now);
  if (check.gate.gate == Gate::kOpen) check.user = IdentityStore::FindUserByUsername(tx, check.username);
  return check;
}

bool CheckPassword(const LoginCheck& check, const std::string& password) {
  if (check.gate.gate != Gate::kOpen) return false;
  if (!check.user) {
    VerifyPassword(password, DummyHash());
    return false;
  }
  return VerifyPassword(password, check.user->password_hash);
}

LoginOutcome FinishLogin(db::Tx& tx, time::Instant now, const LoginCheck& check, bool password_ok,
                         const LoginRequest& request) {
  LoginOutcome out;
  LoginLogEntry log;
  log.at = now;
  log.username = check.username.substr(0, 64);
  log.client_addr = request.client_addr;
  log.user_agent = request.user_agent.substr(0, 300);
  if (check.user) log.user_id = check.user->id;
  auto finish = [&](LoginOutcome::Kind kind, LoginResult result, std::string reason) {
    out.kind = kind;
    log.result = result;
    log.reason = std::move(reason);
    IdentityStore::InsertLoginLog(tx, log);
    return out;
  };
  if (check.gate.gate == Gate::kLocked) {
    out.locked_until = check.gate.locked_until;
    return finish(LoginOutcome::Kind::kLocked, LoginResult::kLocked, "locked");
  }
  if (check.gate.gate == Gate::kThrottled) {
    out.retry_after_s = check.gate.retry_after_s;
    return finish(LoginOutcome::Kind::kThrottled, LoginResult::kFailure, "throttled");
  }
  if (!password_ok) {
    // Counted afresh inside the write transaction, under the counter's lock, so concurrent failures all count.
    IdentityStore::LockCounterRow(tx, check.username, request.client_addr);
    const auto counter =
        AfterFailure(check.policy, IdentityStore::Counter(tx, check.username, request.client_addr), now);
    IdentityStore::SaveCounter(tx, check.username, request.client_addr, counter);
    if (counter.locked_until && *counter.locked_until > now) {
      out.locked_until = counter.locked_until;
      return finish(LoginOutcome::Kind::kLocked, LoginResult::kLocked,
                    check.user ? "bad_password; locked" : "unknown_user; locked");
    }
    return finish(LoginOutcome::Kind::kBadCredentials, LoginResult::kFailure, check.user ? "bad_password" : "unknown_user");
  }
  const User& user = *check.user;
  if (user.status != "active") return finish(LoginOutcome::Kind::kDisabled, LoginResult::kFailure, "disabled");
  // The gate was read before the password check; failures that finished meanwhile may have locked
  // the pair since, and a lock holds even for the right password.
  IdentityStore::LockCounterRow(tx, check.username, request.client_addr);
  if (const auto now_counter = IdentityStore::Counter(tx, check.username, request.client_addr);
      now_counter.locked_until && *now_counter.locked_until > now) {
    out.locked_until = now_counter.locked_until;
    return finish(LoginOutcome::Kind::kLocked, LoginResult::kLocked, "locked");
  }
  IdentityStore::SaveCounter(tx, check.username, request.client_addr, {});
  out.session_token = crypto::RandomHex(32);
  out.csrf_token = crypto::RandomHex(24);
  const auto hours = std::chrono::hours(system::GetInt(tx, system::kSessionHours));
  const auto session_id = IdentityStore::InsertSession(tx, user.id, crypto::Sha256Hex(out.session_token), out.csrf_token,
                                                       request.client_addr, log.user_agent, now, now + hours);
  out.user = user;
  audit::Actor actor;
  actor.name = user.username;
  actor.user_id = user.id;
  actor.department = user.department_name;
  actor.client_addr = request.client_addr;
  actor.request_id = request.request_id;
  for (const auto& r : user.roles) actor.role += (actor.role.empty() ? "" : ",") + r;
  audit::Append(tx, now, actor, "identity.session.login", "session", std::to_string(session_id), nlohmann::json::object());
  return finish(LoginOutcome::Kind::kOk, LoginResult::kSuccess, "");
}

http::Principal PrincipalOf(db::Tx& tx, const User& user, std::string session_id) {
  http::Principal p;
  p.user_id = user.id;
  p.username = user.username;
  p.display_name = user.display_name;
  p.kind = user.kind == "applicant" ? "applicant" : "user";
  p.department_id = user.department_id.value_or(0);
  p.department_name = user.department_name;
  p.roles = user.roles;
  p.session_id = std::move(session_id);
  bool verified = true;
  if (user.kind == "applicant") {
    const auto a = IdentityStore::FindApplicantByUser(tx, user.id);
    verified = a && a->verified;
  }
  for (const auto& code : user.roles)
    if (auto role = IdentityStore::FindRoleByCode(tx, code))
      for (const auto& perm : role->permissions) {
        const auto* def = FindPermission(perm);
        if (def && def->verified_only && !verified) continue;
        p.permissions.push_back(perm);
      }
  std::sort(p.permissions.begin(), p.permissions.end());
  p.permissions.erase(std::unique(p.permissions.begin(), p.permissions.end()), p.permissions.end());
  return p;
}

Authenticated AuthenticateSession(db::Tx& tx, time::Instant now, const std::string& token) {
  Authenticated out;
  if (token.size() != 64) return out;
  const auto s = IdentityStore::FindSessionByTokenHash(tx, crypto::Sha256Hex(token));
  if (!s || s->revoked_at || s->expires_at <= now) return out;
  const auto user = IdentityStore::FindUser(tx, s->user_id);
  if (!user || user->status != "active") return out;
  out.principal = std::make_shared<const http::Principal>(PrincipalOf(tx, *user, std::to_string(s->id)));
  out.csrf_token = s->csrf_token;
  out.session_id = s->id;
  out.needs_touch = now - s->last_seen_at >= kTouchInterval;
  return out;
}

Authenticated AuthenticateApiKey(db::Tx& tx, time::Instant now, const std::string& key) {
  Authenticated out;
  if (key.rfind(kApiKeyPrefix, 0) != 0 || key.size() > 100) return out;
  const auto k = IdentityStore::FindApiKeyByHash(tx, crypto::Sha256Hex(key));
  if (!k || k->revoked_at || (k->expires_at && *k->expires_at <= now)) return out;
  http::Principal p;
  p.kind = "api_key";
  p.username = "apikey:" + k->name;
  p.display_name = k->name;
  p.permissions = k->scope;
  std::sort(p.permissions.begin(), p.permissions.end());
  out.principal = std::make_shared<const http::Principal>(std::move(p));
  out.api_key_id = k->id;
  out.needs_touch = !k->last_used_at || now - *k->last_used_at >= kTouchInterval;
  return out;
}

void TouchSession(db::Tx& tx, time::Instant now, std::int64_t session_id) {
  const auto hours = std::chrono::hours(system::GetInt(tx, system::kSessionHours));
  IdentityStore::TouchSession(tx, session_id, now, now + hours);
}

void TouchApiKey(db::Tx& tx, time::Instant now, std::int64_t api_key_id) { IdentityStore::TouchApiKey(tx, api_key_id, now); }

void Logout(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t session_id) {
  if (IdentityStore::RevokeSession(tx, session_id, now))
    audit::Append(tx, now, actor, "identity.session.logout", "session", std::to_string(session_id));
}

}  // namespace tongban::identity
