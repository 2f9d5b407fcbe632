#include "identity/store.hpp"

#include <algorithm>
#include <sstream>

#include "platform/db/constraint_error.hpp"
#include "platform/errors/error.hpp"

namespace tongban::identity {
namespace {

using time::FromMicros;
using time::ToMicros;

constexpr const char* kDepartmentColumns =
    "SELECT id, parent_id, name, division_code, is_service_hall, sort, status, created_at FROM departments";
constexpr const char* kInsertDepartment =
    "INSERT INTO departments (parent_id, name, division_code, is_service_hall, sort, status, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateDepartment =
    "UPDATE departments SET parent_id = ?, name = ?, division_code = ?, is_service_hall = ?, sort = ?, status = ?, "
    "updated_at = ? WHERE id = ?";
constexpr const char* kDeleteDepartment = "DELETE FROM departments WHERE id = ?";
constexpr const char* kCountChildren = "SELECT COUNT(*) FROM departments WHERE parent_id = ?";
constexpr const char* kCountUsersIn = "SELECT COUNT(*) FROM users WHERE department_id = ?";

constexpr const char* kRoleColumns = "SELECT id, code, name_zh, name_en, data_scope, builtin FROM roles";
constexpr const char* kRolePermissions = "SELECT role_id, permission FROM role_permissions ORDER BY permission";
constexpr const char* kInsertRole =
    "INSERT INTO roles (code, name_zh, name_en, data_scope, builtin, created_at) VALUES (?, ?, ?, ?, 0, ?) RETURNING id";
constexpr const char* kUpdateRole = "UPDATE roles SET name_zh = ?, name_en = ?, data_scope = ? WHERE id = ?";
constexpr const char* kDeleteRolePermissions = "DELETE FROM role_permissions WHERE role_id = ?";
constexpr const char* kInsertRolePermission = "INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)";

constexpr const char* kUserColumns =
    "SELECT u.id, u.username, u.display_name, u.kind, u.department_id, COALESCE(d.name, ''), u.password_hash, "
    "u.status, u.phone_sealed, u.phone_masked, u.created_at FROM users u LEFT JOIN departments d ON d.id = "
    "u.department_id";
constexpr const char* kUserCount = "SELECT COUNT(*) FROM users u";
constexpr const char* kUserRoles =
    "SELECT r.code FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.code";
constexpr const char* kInsertUser =
    "INSERT INTO users (username, display_name, kind, department_id, password_hash, status, phone_sealed, phone_index, "
    "phone_masked, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateUser =
    "UPDATE users SET display_name = ?, department_id = ?, status = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdateUserPhone =
    "UPDATE users SET phone_sealed = ?, phone_index = ?, phone_masked = ? WHERE id = ?";
constexpr const char* kSetPassword = "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?";
constexpr const char* kDeleteUserRoles = "DELETE FROM user_roles WHERE user_id = ?";
constexpr const char* kInsertUserRole = "INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)";
constexpr const char* kCountUsers = "SELECT COUNT(*) FROM users";

constexpr const char* kLockCounterPg = "SELECT pg_advisory_xact_lock(74061, hashtext(?))";
constexpr const char* kCounter = "SELECT failures, locked_until FROM login_counters WHERE username = ? AND client_addr = ?";
constexpr const char* kSaveCounter =
    "INSERT INTO login_counters (username, client_addr, failures, locked_until) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (username, client_addr) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until";
constexpr const char* kClearCounters = "DELETE FROM login_counters WHERE username = ?";
constexpr const char* kFailuresSince =
    "SELECT at FROM login_log WHERE username = ? AND result <> 'success' AND at > ? ORDER BY at";
constexpr const char* kHasSuccessFrom =
    "SELECT 1 FROM login_log WHERE username = ? AND client_addr = ? AND result = 'success' LIMIT 1";
constexpr const char* kLockedUntil = "SELECT MAX(locked_until) FROM login_counters WHERE username = ? AND locked_until > ?";

constexpr const char* kInsertLoginLog =
    "INSERT INTO login_log (at, username, user_id, result, client_addr, user_agent, reason) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kLoginLogColumns =
    "SELECT id, at, username, user_id, result, client_addr, user_agent, reason FROM login_log";

constexpr const char* kInsertSession =
    "INSERT INTO sessions (user_id, token_hash, csrf_token, client_addr, user_agent, created_at, last_seen_at, "
    "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSessionColumns =
    "SELECT s.id, s.user_id, u.username, u.display_name, s.csrf_token, s.client_addr, s.user_agent, s.created_at, "
    "s.last_seen_at, s.expires_at, s.revoked_at FROM sessions s JOIN users u ON u.id = s.user_id";
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?";
constexpr const char* kRevokeSession = "UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
constexpr const char* kRevokeUserSessions = "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL";
constexpr const char* kLiveWhere = " WHERE s.revoked_at IS NULL AND s.expires_at > ?";

constexpr const char* kInsertApiKey =
    "INSERT INTO api_keys (name, prefix, key_hash, scope, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kApiKeyColumns =
    "SELECT id, name, prefix, scope, created_by, created_at, expires_at, revoked_at, last_used_at FROM api_keys";
constexpr const char* kRevokeApiKey = "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
constexpr const char* kTouchApiKey = "UPDATE api_keys SET last_used_at = ? WHERE id = ?";

constexpr const char* kInsertApplicant =
    "INSERT INTO applicants (user_id, kind, name, id_number_sealed, id_number_index, id_number_masked, credit_code, "
    "verified, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?) RETURNING id";
constexpr const char* kApplicantColumns =
    "SELECT a.id, a.user_id, u.username, a.kind, a.name, a.id_number_masked, a.id_number_sealed, a.credit_code, "
    "a.verified, a.verified_at, a.verified_by, a.created_at FROM applicants a JOIN users u ON u.id = a.user_id";
constexpr const char* kSetVerified = "UPDATE applicants SET verified = 1, verified_at = ?, verified_by = ? WHERE id = ?";

std::optional<time::Instant> OptInstant(const db::Row& r, std::size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return FromMicros(r.Int(i));
}

Department DepartmentFrom(const db::Row& r) {
  Department d;
  d.id = r.Int(0);
  d.parent_id = r.OptInt(1);
  d.name = r.Text(2);
  d.division_code = r.Text(3);
  d.is_service_hall = r.Bool(4);
  d.sort = static_cast<int>(r.Int(5));
  d.status = r.Text(6);
  d.created_at = FromMicros(r.Int(7));
  return d;
}

Role RoleFrom(const db::Row& r) {
  Role x;
  x.id = r.Int(0);
  x.code = r.Text(1);
  x.name_zh = r.Text(2);
  x.name_en = r.Text(3);
  x.scope = ParseDataScope(r.Text(4)).value_or(DataScope::kOwn);
  x.builtin = r.Bool(5);
  if (x.builtin)
    if (const auto* b = FindBuiltinRole(x.code)) x.permissions = b->permissions;
  return x;
}

void FillCustomPermissions(db::Tx& tx, std::vector<Role>& roles) {
  // Built-in roles take their permissions from the code: only custom roles need the table, and
  // authenticating a user of built-in roles (most requests) should not read it.
  if (std::none_of(roles.begin(), roles.end(), [](const Role& r) { return !r.builtin; })) return;
  const auto rows = tx.Query(kRolePermissions).rows;
  for (auto& role : roles) {
    if (role.builtin) continue;
    for (const auto& r : rows)
      if (r.Int(0) == role.id) role.permissions.push_back(r.Text(1));
  }
}

User UserFrom(db::Tx& tx, const db::Row& r) {
  User u;
  u.id = r.Int(0);
  u.username = r.Text(1);
  u.display_name = r.Text(2);
  u.kind = r.Text(3);
  u.department_id = r.OptInt(4);
  u.department_name = r.Text(5);
  u.password_hash = r.Text(6);
  u.status = r.Text(7);
  u.phone_sealed = r.Text(8);
  u.phone_masked = r.Text(9);
  u.created_at = FromMicros(r.Int(10));
  for (const auto& role : tx.Query(kUserRoles, {u.id}).rows) u.roles.push_back(role.Text(0));
  return u;
}

Session SessionFrom(const db::Row& r) {
  Session s;
  s.id = r.Int(0);
  s.user_id = r.Int(1);
  s.username = r.Text(2);
  s.display_name = r.Text(3);
  s.csrf_token = r.Text(4);
  s.client_addr = r.Text(5);
  s.user_agent = r.Text(6);
  s.created_at = FromMicros(r.Int(7));
  s.last_seen_at = FromMicros(r.Int(8));
  s.expires_at = FromMicros(r.Int(9));
  s.revoked_at = OptInstant(r, 10);
  return s;
}

std::vector<std::string> SplitScope(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string p; in >> p;) out.push_back(p);
  return out;
}

ApiKey ApiKeyFrom(const db::Row& r) {
  ApiKey k;
  k.id = r.Int(0);
  k.name = r.Text(1);
  k.prefix = r.Text(2);
  k.scope = SplitScope(r.Text(3));
  k.created_by = r.OptInt(4);
  k.created_at = FromMicros(r.Int(5));
  k.expires_at = OptInstant(r, 6);
  k.revoked_at = OptInstant(r, 7);
  k.last_used_at = OptInstant(r, 8);
  return k;
}

Applicant ApplicantFrom(const db::Row& r) {
  Applicant a;
  a.id = r.Int(0);
  a.user_id = r.Int(1);
  a.username = r.Text(2);
  a.kind = r.Text(3);
  a.name = r.Text(4);
  a.id_number_masked = r.Text(5);
  a.id_number_sealed = r.Text(6);
  a.credit_code = r.OptText(7);
  a.verified = r.Bool(8);
  a.verified_at = OptInstant(r, 9);
  a.verified_by = r.OptText(10);
  a.created_at = FromMicros(r.Int(11));
  return a;
}

db::Param SealedParam(const std::string& sealed) {
  if (sealed.empty()) return nullptr;
  return db::Blob{sealed};
}

}  // namespace

const char* ToString(LoginResult result) {
  switch (result) {
    case LoginResult::kSuccess: return "success";
    case LoginResult::kFailure: return "failure";
    case LoginResult::kLocked: return "locked";
  }
  return "failure";
}

// ---- departments

std::vector<Department> IdentityStore::Departments(db::Tx& tx) {
  std::vector<Department> out;
  for (const auto& r : tx.Query(std::string(kDepartmentColumns) + " ORDER BY sort, id").rows) out.push_back(DepartmentFrom(r));
  return out;
}

std::optional<Department> IdentityStore::FindDepartment(db::Tx& tx, std::int64_t id) {
  auto row = tx.QueryOne(std::string(kDepartmentColumns) + " WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return DepartmentFrom(*row);
}

namespace {
Error DuplicateDepartment(const std::string& name) {
  return Error::Conflict("identity.duplicate_department", "同一上级下已有名为“" + name + "”的部门",
                         "A department named \"" + name + "\" already exists under the same parent");
}
}  // namespace

std::int64_t IdentityStore::InsertDepartment(db::Tx& tx, const Department& d, time::Instant now) {
  try {
    return tx.InsertReturningId(kInsertDepartment, {d.parent_id, d.name, d.division_code, d.is_service_hall, d.sort,
                                                    d.status, ToMicros(now), ToMicros(now)});
  } catch (const db::ConstraintError& e) {
    if (e.kind() == db::ConstraintError::Kind::kUnique) throw DuplicateDepartment(d.name);
    throw;
  }
}

void IdentityStore::UpdateDepartment(db::Tx& tx, const Department& d, time::Instant now) {
  try {
    tx.Exec(kUpdateDepartment,
            {d.parent_id, d.name, d.division_code, d.is_service_hall, d.sort, d.status, ToMicros(now), d.id});
  } catch (const db::ConstraintError& e) {
    if (e.kind() == db::ConstraintError::Kind::kUnique) throw DuplicateDepartment(d.name);
    throw;
  }
}

void IdentityStore::DeleteDepartment(db::Tx& tx, std::int64_t id) { tx.Exec(kDeleteDepartment, {id}); }
std::int64_t IdentityStore::CountChildren(db::Tx& tx, std::int64_t id) { return tx.QueryOne(kCountChildren, {id})->Int(0); }
std::int64_t IdentityStore::CountUsersIn(db::Tx& tx, std::int64_t id) { return tx.QueryOne(kCountUsersIn, {id})->Int(0); }

// ---- roles

std::vector<Role> IdentityStore::Roles(db::Tx& tx) {
  std::vector<Role> out;
  for (const auto& r : tx.Query(std::string(kRoleColumns) + " ORDER BY id").rows) out.push_back(RoleFrom(r));
  FillCustomPermissions(tx, out);
  return out;
}

std::optional<Role> IdentityStore::FindRole(db::Tx& tx, std::int64_t id) {
  auto row = tx.QueryOne(std::string(kRoleColumns) + " WHERE id = ?", {id});
  if (!row) return std::nullopt;
  std::vector<Role> one{RoleFrom(*row)};
  FillCustomPermissions(tx, one);
  return one.front();
}

std::optional<Role> IdentityStore::FindRoleByCode(db::Tx& tx, const std::string& code) {
  auto row = tx.QueryOne(std::string(kRoleColumns) + " WHERE code = ?", {code});
  if (!row) return std::nullopt;
  std::vector<Role> one{RoleFrom(*row)};
  FillCustomPermissions(tx, one);
  return one.front();
}

std::int64_t IdentityStore::InsertRole(db::Tx& tx, const Role& role, time::Instant now) {
  std::int64_t id = 0;
  try {
    id = tx.InsertReturningId(kInsertRole, {role.code, role.name_zh, role.name_en, ToString(role.scope), ToMicros(now)});
  } catch (const db::ConstraintError& e) {
    if (e.kind() == db::ConstraintError::Kind::kUnique)
      throw Error::Conflict("identity.duplicate_role", "角色编码“" + role.code + "”已存在",
                            "Role code \"" + role.code + "\" already exists");
    throw;
  }
  for (const auto& p : role.permissions) tx.Exec(kInsertRolePermission, {id, p});
  return id;
}

void IdentityStore::UpdateRole(db::Tx& tx, const Role& role) {
  tx.Exec(kUpdateRole, {role.name_zh, role.name_en, ToString(role.scope), role.id});
  tx.Exec(kDeleteRolePermissions, {role.id});
  for (const auto& p : role.permissions) tx.Exec(kInsertRolePermission, {role.id, p});
}

// ---- users

std::vector<User> IdentityStore::Users(db::Tx& tx, const UserFilter& f, std::int64_t* total) {
  std::string where = " WHERE 1 = 1";
  db::Params params;
  if (f.username) {
    // A substring match; the caller's % and _ are literal characters, not wildcards.
    std::string pattern = "%";
    for (char c : *f.username) {
      if (c == '%' || c == '_' || c == '\\') pattern += '\\';
      pattern += c;
    }
    where += " AND u.username LIKE ? ESCAPE '\\'";
    params.push_back(pattern + "%");
  }
  if (f.department_id) where += " AND u.department_id = ?", params.push_back(*f.department_id);
  if (f.status) where += " AND u.status = ?", params.push_back(*f.status);
  if (f.kind) where += " AND u.kind = ?", params.push_back(*f.kind);
  if (f.departments) {
    if (f.departments->empty()) {
      where += " AND 1 = 0";
    } else {
      where += " AND u.department_id IN (";
      bool first = true;
      for (auto id : *f.departments) {
        where += first ? "?" : ", ?";
        first = false;
        params.push_back(id);
      }
      where += ")";
    }
  }
  *total = tx.QueryOne(std::string(kUserCount) + where, params)->Int(0);
  params.push_back(f.limit);
  params.push_back(f.offset);
  std::vector<User> out;
  for (const auto& r : tx.Query(std::string(kUserColumns) + where + " ORDER BY u.id LIMIT ? OFFSET ?", params).rows)
    out.push_back(UserFrom(tx, r));
  return out;
}

std::optional<User> IdentityStore::FindUser(db::Tx& tx, std::int64_t id) {
  auto row = tx.QueryOne(std::string(kUserColumns) + " WHERE u.id = ?", {id});
  if (!row) return std::nullopt;
  return UserFrom(tx, *row);
}

std::optional<User> IdentityStore::FindUserByUsername(db::Tx& tx, const std::string& username) {
  auto row = tx.QueryOne(std::string(kUserColumns) + " WHERE u.username = ?", {username});
  if (!row) return std::nullopt;
  return UserFrom(tx, *row);
}

std::int64_t IdentityStore::InsertUser(db::Tx& tx, const User& u, const std::optional<std::string>& phone_index,
                                       time::Instant now) {
  try {
    return tx.InsertReturningId(kInsertUser, {u.username, u.display_name, u.kind, u.department_id, u.password_hash,
                                              u.status, SealedParam(u.phone_sealed), phone_index, u.phone_masked,
                                              ToMicros(now), ToMicros(now)});
  } catch (const db::ConstraintError& e) {
    if (e.kind() == db::ConstraintError::Kind::kUnique)
      throw Error::Conflict("identity.duplicate_username", "用户名“" + u.username + "”已被使用",
                            "Username \"" + u.username + "\" is taken");
    throw;
  }
}

void IdentityStore::UpdateUser(db::Tx& tx, const User& u, const std::optional<std::string>& phone_index,
                               bool phone_changed, time::Instant now) {
  tx.Exec(kUpdateUser, {u.display_name, u.department_id, u.status, ToMicros(now), u.id});
  if (phone_changed) tx.Exec(kUpdateUserPhone, {SealedParam(u.phone_sealed), phone_index, u.phone_masked, u.id});
}

void IdentityStore::SetPassword(db::Tx& tx, std::int64_t user_id, const std::string& hash, time::Instant now) {
  tx.Exec(kSetPassword, {hash, ToMicros(now), user_id});
}

void IdentityStore::SetUserRoles(db::Tx& tx, std::int64_t user_id, const std::vector<std::int64_t>& role_ids) {
  tx.Exec(kDeleteUserRoles, {user_id});
  for (auto id : role_ids) tx.Exec(kInsertUserRole, {user_id, id});
}

std::int64_t IdentityStore::CountUsers(db::Tx& tx) { return tx.QueryOne(kCountUsers)->Int(0); }

// ---- lockout

void IdentityStore::LockCounterRow(db::Tx& tx, const std::string& username, const std::string& addr) {
  if (tx.dialect() == db::Dialect::kPostgres) tx.Query(kLockCounterPg, {username + "\n" + addr});
}

LockCounter IdentityStore::Counter(db::Tx& tx, const std::string& username, const std::string& addr) {
  auto row = tx.QueryOne(kCounter, {username, addr});
  if (!row) return {};
  return {static_cast<int>(row->Int(0)), OptInstant(*row, 1)};
}

void IdentityStore::SaveCounter(db::Tx& tx, const std::string& username, const std::string& addr, const LockCounter& c) {
  std::optional<std::int64_t> until;
  if (c.locked_until) until = ToMicros(*c.locked_until);
  tx.Exec(kSaveCounter, {username, addr, c.failures, until});
}

void IdentityStore::ClearCounters(db::Tx& tx, const std::string& username) { tx.Exec(kClearCounters, {username}); }

std::vector<time::Instant> IdentityStore::FailuresSince(db::Tx& tx, const std::string& username, time::Instant since) {
  std::vector<time::Instant> out;
  for (const auto& r : tx.Query(kFailuresSince, {username, ToMicros(since)}).rows) out.push_back(FromMicros(r.Int(0)));
  return out;
}

bool IdentityStore::HasSuccessFrom(db::Tx& tx, const std::string& username, const std::string& addr) {
  return tx.QueryOne(kHasSuccessFrom, {username, addr}).has_value();
}

std::optional<time::Instant> IdentityStore::LockedUntil(db::Tx& tx, const std::string& username, time::Instant now) {
  auto row = tx.QueryOne(kLockedUntil, {username, ToMicros(now)});
  if (!row) return std::nullopt;
  return OptInstant(*row, 0);
}

// ---- login log

void IdentityStore::InsertLoginLog(db::Tx& tx, const LoginLogEntry& e) {
  tx.Exec(kInsertLoginLog,
          {ToMicros(e.at), e.username, e.user_id, ToString(e.result), e.client_addr, e.user_agent, e.reason});
}

std::vector<LoginLogEntry> IdentityStore::LoginLog(db::Tx& tx, const LoginLogFilter& f, std::int64_t* total) {
  std::string where = " WHERE 1 = 1";
  db::Params params;
  if (f.username) where += " AND username = ?", params.push_back(*f.username);
  if (f.result) where += " AND result = ?", params.push_back(*f.result);
  if (f.from) where += " AND at >= ?", params.push_back(ToMicros(*f.from));
  if (f.to) where += " AND at <= ?", params.push_back(ToMicros(*f.to));
  *total = tx.QueryOne("SELECT COUNT(*) FROM login_log" + where, params)->Int(0);
  params.push_back(f.limit);
  params.push_back(f.offset);
  std::vector<LoginLogEntry> out;
  for (const auto& r : tx.Query(std::string(kLoginLogColumns) + where + " ORDER BY id DESC LIMIT ? OFFSET ?", params).rows) {
    LoginLogEntry e;
    e.id = r.Int(0);
    e.at = FromMicros(r.Int(1));
    e.username = r.Text(2);
    e.user_id = r.OptInt(3);
    const auto result = r.Text(4);
    e.result = result == "success" ? LoginResult::kSuccess : result == "locked" ? LoginResult::kLocked : LoginResult::kFailure;
    e.client_addr = r.Text(5);
    e.user_agent = r.Text(6);
    e.reason = r.Text(7);
    out.push_back(std::move(e));
  }
  return out;
}

// ---- sessions

std::int64_t IdentityStore::InsertSession(db::Tx& tx, std::int64_t user_id, const std::string& token_hash,
                                          const std::string& csrf, const std::string& addr,
                                          const std::string& user_agent, time::Instant now, time::Instant expires) {
  return tx.InsertReturningId(kInsertSession,
                              {user_id, token_hash, csrf, addr, user_agent, ToMicros(now), ToMicros(now), ToMicros(expires)});
}

std::optional<Session> IdentityStore::FindSessionByTokenHash(db::Tx& tx, const std::string& token_hash) {
  auto row = tx.QueryOne(std::string(kSessionColumns) + " WHERE s.token_hash = ?", {token_hash});
  if (!row) return std::nullopt;
  return SessionFrom(*row);
}

std::optional<Session> IdentityStore::FindSession(db::Tx& tx, std::int64_t id) {
  auto row = tx.QueryOne(std::string(kSessionColumns) + " WHERE s.id = ?", {id});
  if (!row) return std::nullopt;
  return SessionFrom(*row);
}

void IdentityStore::TouchSession(db::Tx& tx, std::int64_t id, time::Instant now, time::Instant expires) {
  tx.Exec(kTouchSession, {ToMicros(now), ToMicros(expires), id});
}

bool IdentityStore::RevokeSession(db::Tx& tx, std::int64_t id, time::Instant now) {
  return tx.Exec(kRevokeSession, {ToMicros(now), id}) > 0;
}

void IdentityStore::RevokeSessionsOfUser(db::Tx& tx, std::int64_t user_id, time::Instant now) {
  tx.Exec(kRevokeUserSessions, {ToMicros(now), user_id});
}

std::vector<Session> IdentityStore::LiveSessions(db::Tx& tx, time::Instant now, int offset, int limit,
                                                 std::int64_t* total) {
  *total = tx.QueryOne(std::string("SELECT COUNT(*) FROM sessions s") + kLiveWhere, {ToMicros(now)})->Int(0);
  std::vector<Session> out;
  for (const auto& r : tx.Query(std::string(kSessionColumns) + kLiveWhere + " ORDER BY s.last_seen_at DESC LIMIT ? OFFSET ?",
                                {ToMicros(now), limit, offset})
                           .rows)
    out.push_back(SessionFrom(r));
  return out;
}

// ---- API keys

std::int64_t IdentityStore::InsertApiKey(db::Tx& tx, const ApiKey& k, const std::string& key_hash) {
  std::string scope;
  for (const auto& p : k.scope) scope += (scope.empty() ? "" : " ") + p;
  std::optional<std::int64_t> expires;
  if (k.expires_at) expires = ToMicros(*k.expires_at);
  return tx.InsertReturningId(kInsertApiKey,
                              {k.name, k.prefix, key_hash, scope, k.created_by, ToMicros(k.created_at), expires});
}

std::optional<ApiKey> IdentityStore::FindApiKeyByHash(db::Tx& tx, const std::string& key_hash) {
  auto row = tx.QueryOne(std::string(kApiKeyColumns) + " WHERE key_hash = ?", {key_hash});
  if (!row) return std::nullopt;
  return ApiKeyFrom(*row);
}

std::vector<ApiKey> IdentityStore::ApiKeys(db::Tx& tx) {
  std::vector<ApiKey> out;
  for (const auto& r : tx.Query(std::string(kApiKeyColumns) + " ORDER BY id DESC").rows) out.push_back(ApiKeyFrom(r));
  return out;
}

bool IdentityStore::RevokeApiKey(db::Tx& tx, std::int64_t id, time::Instant now) {
  return tx.Exec(kRevokeApiKey, {ToMicros(now), id}) > 0;
}

void IdentityStore::TouchApiKey(db::Tx& tx, std::int64_t id, time::Instant now) { tx.Exec(kTouchApiKey, {ToMicros(now), id}); }

// ---- applicants

std::int64_t IdentityStore::InsertApplicant(db::Tx& tx, const Applicant& a, const std::optional<std::string>& id_index,
                                            time::Instant now) {
  try {
    return tx.InsertReturningId(kInsertApplicant, {a.user_id, a.kind, a.name, SealedParam(a.id_number_sealed), id_index,
                                                   a.id_number_masked, a.credit_code, ToMicros(now)});
  } catch (const db::ConstraintError& e) {
    if (e.kind() == db::ConstraintError::Kind::kUnique)
      throw Error::Conflict("identity.duplicate_applicant", "该证件号码或统一社会信用代码已注册",
                            "This ID number or credit code is already registered");
    throw;
  }
}

std::optional<Applicant> IdentityStore::FindApplicant(db::Tx& tx, std::int64_t id) {
  auto row = tx.QueryOne(std::string(kApplicantColumns) + " WHERE a.id = ?", {id});
  if (!row) return std::nullopt;
  return ApplicantFrom(*row);
}

std::optional<Applicant> IdentityStore::FindApplicantByUser(db::Tx& tx, std::int64_t user_id) {
  auto row = tx.QueryOne(std::string(kApplicantColumns) + " WHERE a.user_id = ?", {user_id});
  if (!row) return std::nullopt;
  return ApplicantFrom(*row);
}

std::vector<Applicant> IdentityStore::Applicants(db::Tx& tx, std::optional<bool> verified, int offset, int limit,
                                                 std::int64_t* total) {
  std::string where = verified ? " WHERE a.verified = ?" : "";
  db::Params params;
  if (verified) params.push_back(*verified);
  *total = tx.QueryOne("SELECT COUNT(*) FROM applicants a" + where, params)->Int(0);
  params.push_back(limit);
  params.push_back(offset);
  std::vector<Applicant> out;
  for (const auto& r : tx.Query(std::string(kApplicantColumns) + where + " ORDER BY a.id DESC LIMIT ? OFFSET ?", params).rows)
    out.push_back(ApplicantFrom(r));
  return out;
}

void IdentityStore::SetVerified(db::Tx& tx, std::int64_t id, time::Instant now, const std::string& by) {
  tx.Exec(kSetVerified, {ToMicros(now), by, id});
}

}  // namespace tongban::identity
