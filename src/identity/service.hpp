#pragma once
// Identity rules: departments, users, roles, applicants, API keys, and login. Every write takes
// the caller's Tx& and appends its audit record there (DESIGN.md rule 2). No HTTP, no JSON.
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/model.hpp"
#include "identity/lockout.hpp"
#include "identity/model.hpp"
#include "platform/codes/division_table.hpp"
#include "platform/db/database.hpp"
#include "platform/http/request.hpp"
#include "platform/pii/pii.hpp"

namespace tongban::identity {

// ---- data scope -------------------------------------------------------------------------------
// The departments a scope reaches from `own`: just it, it and its descendants, or (nullopt) all.
std::optional<std::set<std::int64_t>> ScopeDepartments(const std::vector<Department>& all, std::int64_t own,
                                                       DataScope scope);
// The caller's widest data scope over its roles; API keys and callers without roles: own.
DataScope ScopeOf(db::Tx& tx, const http::Principal& caller);
std::optional<std::set<std::int64_t>> VisibleDepartments(db::Tx& tx, const http::Principal& caller);

// ---- departments ------------------------------------------------------------------------------
struct DepartmentInput {
  std::optional<std::int64_t> parent_id;
  std::string name;
  std::string division_code;
  bool is_service_hall = false;
  int sort = 0;
  std::string status = "active";
};
std::vector<Department> ListDepartments(db::Tx& tx);
// 422 identity.bad_division (not in the table, or outside the parent's division),
// identity.unknown_parent, identity.department_cycle; 409 identity.duplicate_department.
Department CreateDepartment(db::Tx& tx, time::Instant now, const audit::Actor& actor, const codes::DivisionTable& divisions,
                            const DepartmentInput& input);
// Also 404 identity.department_not_found.
Department UpdateDepartment(db::Tx& tx, time::Instant now, const audit::Actor& actor, const codes::DivisionTable& divisions,
                            std::int64_t id, const DepartmentInput& input);
// 409 identity.department_has_children / identity.department_has_users.
void DeleteDepartment(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t id);

// ---- roles ------------------------------------------------------------------------------------
struct RoleInput {
  std::string code;  // create only
  std::string name_zh;
  std::string name_en;
  std::vector<std::string> permissions;
  DataScope scope = DataScope::kOwn;
};
std::vector<Role> ListRoles(db::Tx& tx);
// 422 identity.unknown_permission (details.unknown), identity.bad_role_code; 403
// identity.cannot_grant when the caller lacks a permission it tries to grant; 409 duplicate.
Role CreateRole(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                const RoleInput& input);
// Also 404 identity.role_not_found, 409 identity.builtin_role.
Role UpdateRole(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                std::int64_t id, const RoleInput& input);

// ---- users ------------------------------------------------------------------------------------
struct UserInput {
  std::string username;  // create only
  std::string display_name;
  std::optional<std::int64_t> department_id;
  std::vector<std::string> roles;
  std::string status = "active";
  std::optional<std::string> phone;  // "" clears
  std::string password;              // create only
};
struct UserListFilter {
  std::optional<std::string> username;
  std::optional<std::int64_t> department_id;
  std::optional<std::string> status;
  int offset = 0, limit = 20;
};
// Staff users within the caller's data scope, with locked_until filled.
std::vector<User> ListUsers(db::Tx& tx, time::Instant now, const http::Principal& caller, const UserListFilter& filter,
                            std::int64_t* total);
// 404 identity.user_not_found also for users outside the caller's scope.
User GetUser(db::Tx& tx, time::Instant now, const http::Principal& caller, std::int64_t id);
// 422 identity.bad_username, identity.department_required, identity.unknown_department,
// identity.unknown_role, identity.bad_phone, identity.weak_password; 403 identity.cannot_grant.
User CreateUser(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                const pii::Vault& vault, const UserInput& input, const std::string* precomputed_hash = nullptr);
// Also 409 identity.cannot_lock_out_self when callers would disable themselves or drop their own
// permission to manage users.
User UpdateUser(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                const pii::Vault& vault, std::int64_t id, const UserInput& input);
// Ends the user's sessions too.
void ResetPassword(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                   std::int64_t id, const std::string& password);
void UnlockUser(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller, std::int64_t id);
// The phone in clear; audited as identity.user.read_pii. "" when the user has none.
std::string RevealPhone(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                        const pii::Vault& vault, std::int64_t id);
// The first administrator of a real install (`tongban admin create`): a department-less install
// gets a root department named after `department_name`.
User CreateFirstAdmin(db::Tx& tx, time::Instant now, const pii::Vault& vault, const std::string& username,
                      const std::string& password);
// True when no user exists yet (a fresh install; `demo --if-empty`).
bool HasNoUsers(db::Tx& tx);
// A principal holding every permission, for the platform's own actions (demo loader, CLI).
http::Principal SystemPrincipal();

// ---- applicants -------------------------------------------------------------------------------
struct ApplicantRegistration {
  std::string username;
  std::string password;
  std::string kind;  // "natural" | "legal"
  std::string name;
  std::string id_number;    // natural: required; legal: the representative's, optional
  std::string credit_code;  // legal: required
  std::string phone;        // optional
};
// 422 with field errors for every bad field (citizen ID / credit code checks name the rule);
// 409 identity.duplicate_applicant / duplicate_username.
// `at_window`: a clerk registers the applicant on the spot, which the self-registration switch
// (auth.applicant_registration) does not close.
Applicant RegisterApplicant(db::Tx& tx, time::Instant now, const audit::Actor& actor, const pii::Vault& vault,
                            const ApplicantRegistration& input, bool at_window = false);
// The applicant's ID number in clear; audited as identity.applicant.read_pii. 404 when unknown.
std::string RevealApplicantIdNumber(db::Tx& tx, time::Instant now, const audit::Actor& actor, const pii::Vault& vault,
                                    std::int64_t id);
std::vector<Applicant> ListApplicants(db::Tx& tx, std::optional<bool> verified, int offset, int limit,
                                      std::int64_t* total);
std::optional<Applicant> FindApplicantOfUser(db::Tx& tx, std::int64_t user_id);

// Who vouches for an applicant's identity 实名核验: a clerk checking papers, or a real-name identity
// service (the national one in production). Implementations are thread-safe.
class IdentityProvider {
 public:
  virtual ~IdentityProvider() = default;
  virtual std::string name() const = 0;
  // True when the provider vouches that `id_number` belongs to a person called `name`.
  virtual bool Vouch(const std::string& name, const std::string& id_number) const = 0;
};
// The demo provider: vouches for any well-formed ID number with a non-empty name. Never for production.
std::unique_ptr<IdentityProvider> MakeDemoIdentityProvider();

// Marks the applicant verified: by `provider` when given (422 identity.not_vouched when it
// refuses), else on the clerk's word (papers checked at the window). 404 / 409 already verified.
Applicant VerifyApplicant(db::Tx& tx, time::Instant now, const audit::Actor& actor, const pii::Vault& vault,
                          std::int64_t id, const IdentityProvider* provider);

// ---- API keys ---------------------------------------------------------------------------------
struct NewApiKey {
  ApiKey key;
  std::string secret;  // "tbk_..." shown once
};
// Scope must be registered permissions the caller holds. 422 identity.unknown_permission /
// identity.empty_scope; 403 identity.cannot_grant.
NewApiKey CreateApiKey(db::Tx& tx, time::Instant now, const audit::Actor& actor, const http::Principal& caller,
                       const std::string& name, std::vector<std::string> scope, std::optional<int> expires_days);
std::vector<ApiKey> ListApiKeys(db::Tx& tx);
void RevokeApiKey(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t id);

// Newest first.
std::vector<LoginLogEntry> ListLoginLog(db::Tx& tx, const LoginLogFilter& filter, std::int64_t* total);

// ---- sessions and login -----------------------------------------------------------------------
std::vector<Session> ListSessions(db::Tx& tx, time::Instant now, int offset, int limit, std::int64_t* total);
// 404 identity.session_not_found when unknown or already ended.
void RevokeSession(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t id);

struct LoginRequest {
  std::string username;  // as typed; compared lower-case
  std::string password;
  std::string client_addr;
  std::string user_agent;
  std::string request_id;
};

// Phase 1, in a read transaction: the gate (locked / throttled) and the user's stored hash.
struct LoginCheck {
  std::string username;  // normalized
  LockoutPolicy policy;
  GateDecision gate;
  std::optional<User> user;
};
LoginCheck PrepareLogin(db::Tx& tx, time::Instant now, const LoginRequest& request);
// Phase 2, outside any transaction (argon2 is slow; no lock is held while it runs).
bool CheckPassword(const LoginCheck& check, const std::string& password);

struct LoginOutcome {
  enum class Kind { kOk, kBadCredentials, kLocked, kThrottled, kDisabled } kind = Kind::kBadCredentials;
  std::optional<time::Instant> locked_until;
  int retry_after_s = 0;
  std::string session_token;  // kOk: the cookie value (only its hash is stored)
  std::string csrf_token;
  std::optional<User> user;
};
// Phase 3, in a write transaction: counters, the login log, and on success a session (and an
// audit record). The caller commits whatever the outcome, then answers it.
LoginOutcome FinishLogin(db::Tx& tx, time::Instant now, const LoginCheck& check, bool password_ok,
                         const LoginRequest& request);

// The caller behind a session cookie's token or a bearer API key, or nullptr (unknown, expired,
// revoked, disabled user). `csrf_token` receives the session's CSRF token.
struct Authenticated {
  std::shared_ptr<const http::Principal> principal;
  std::string csrf_token;
  bool needs_touch = false;  // the sliding expiry should be pushed (a write; see TouchSession)
  std::int64_t session_id = 0;
  std::int64_t api_key_id = 0;
};
Authenticated AuthenticateSession(db::Tx& tx, time::Instant now, const std::string& token);
Authenticated AuthenticateApiKey(db::Tx& tx, time::Instant now, const std::string& key);
// Pushes a session's sliding expiry to now + auth.session_hours.
void TouchSession(db::Tx& tx, time::Instant now, std::int64_t session_id);
void TouchApiKey(db::Tx& tx, time::Instant now, std::int64_t api_key_id);
// Logout: the caller's own session ends (audited).
void Logout(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t session_id);
// The principal of a user (permissions of its roles, verified-only ones dropped for unverified
// applicants), sorted.
http::Principal PrincipalOf(db::Tx& tx, const User& user, std::string session_id);

}  // namespace tongban::identity
