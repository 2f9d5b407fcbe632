#pragma once
// The SQL of the identity tables, and the only code that touches them. Every function joins the
// caller's transaction; unique-constraint violations become identity.* 409 errors here.
#include <optional>
#include <set>
#include <vector>

#include "identity/lockout.hpp"
#include "identity/model.hpp"
#include "platform/db/database.hpp"

namespace tongban::identity {

class IdentityStore {
 public:
  // ---- departments
  static std::vector<Department> Departments(db::Tx& tx);  // by sort, then id
  static std::optional<Department> FindDepartment(db::Tx& tx, std::int64_t id);
  // 409 identity.duplicate_department when a sibling has the name.
  static std::int64_t InsertDepartment(db::Tx& tx, const Department& d, time::Instant now);
  static void UpdateDepartment(db::Tx& tx, const Department& d, time::Instant now);
  static void DeleteDepartment(db::Tx& tx, std::int64_t id);
  static std::int64_t CountChildren(db::Tx& tx, std::int64_t id);
  static std::int64_t CountUsersIn(db::Tx& tx, std::int64_t id);

  // ---- roles (built-in roles' permissions come from permissions.cpp)
  static std::vector<Role> Roles(db::Tx& tx);
  static std::optional<Role> FindRole(db::Tx& tx, std::int64_t id);
  static std::optional<Role> FindRoleByCode(db::Tx& tx, const std::string& code);
  // 409 identity.duplicate_role on a taken code.
  static std::int64_t InsertRole(db::Tx& tx, const Role& role, time::Instant now);
  static void UpdateRole(db::Tx& tx, const Role& role);

  // ---- users
  struct UserFilter {
    std::optional<std::string> username;  // substring
    std::optional<std::int64_t> department_id;
    std::optional<std::string> status;
    std::optional<std::set<std::int64_t>> departments;  // data scope; nullopt = all
    std::optional<std::string> kind;
    int offset = 0, limit = 20;
  };
  static std::vector<User> Users(db::Tx& tx, const UserFilter& filter, std::int64_t* total);
  static std::optional<User> FindUser(db::Tx& tx, std::int64_t id);
  static std::optional<User> FindUserByUsername(db::Tx& tx, const std::string& username);
  // 409 identity.duplicate_username.
  static std::int64_t InsertUser(db::Tx& tx, const User& u, const std::optional<std::string>& phone_index,
                                 time::Instant now);
  static void UpdateUser(db::Tx& tx, const User& u, const std::optional<std::string>& phone_index, bool phone_changed,
                         time::Instant now);
  static void SetPassword(db::Tx& tx, std::int64_t user_id, const std::string& hash, time::Instant now);
  static void SetUserRoles(db::Tx& tx, std::int64_t user_id, const std::vector<std::int64_t>& role_ids);
  static std::int64_t CountUsers(db::Tx& tx);

  // ---- lockout
  // Serialises writers of one (account, address) counter until the transaction ends (PostgreSQL;
  // SQLite's write transactions are serial already), so concurrent failures cannot lose updates.
  static void LockCounterRow(db::Tx& tx, const std::string& username, const std::string& addr);
  static LockCounter Counter(db::Tx& tx, const std::string& username, const std::string& addr);
  static void SaveCounter(db::Tx& tx, const std::string& username, const std::string& addr, const LockCounter& c);
  static void ClearCounters(db::Tx& tx, const std::string& username);
  static std::vector<time::Instant> FailuresSince(db::Tx& tx, const std::string& username, time::Instant since);
  static bool HasSuccessFrom(db::Tx& tx, const std::string& username, const std::string& addr);
  static std::optional<time::Instant> LockedUntil(db::Tx& tx, const std::string& username, time::Instant now);

  // ---- login log
  static void InsertLoginLog(db::Tx& tx, const LoginLogEntry& e);
  static std::vector<LoginLogEntry> LoginLog(db::Tx& tx, const LoginLogFilter& filter, std::int64_t* total);

  // ---- sessions
  static std::int64_t InsertSession(db::Tx& tx, std::int64_t user_id, const std::string& token_hash,
                                    const std::string& csrf, const std::string& addr, const std::string& user_agent,
                                    time::Instant now, time::Instant expires);
  // The live or dead session with this token hash (the caller checks expiry and revocation).
  static std::optional<Session> FindSessionByTokenHash(db::Tx& tx, const std::string& token_hash);
  static std::optional<Session> FindSession(db::Tx& tx, std::int64_t id);
  static void TouchSession(db::Tx& tx, std::int64_t id, time::Instant now, time::Instant expires);
  static bool RevokeSession(db::Tx& tx, std::int64_t id, time::Instant now);
  static void RevokeSessionsOfUser(db::Tx& tx, std::int64_t user_id, time::Instant now);
  static std::vector<Session> LiveSessions(db::Tx& tx, time::Instant now, int offset, int limit, std::int64_t* total);

  // ---- API keys
  static std::int64_t InsertApiKey(db::Tx& tx, const ApiKey& key, const std::string& key_hash);
  static std::optional<ApiKey> FindApiKeyByHash(db::Tx& tx, const std::string& key_hash);
  static std::vector<ApiKey> ApiKeys(db::Tx& tx);
  static bool RevokeApiKey(db::Tx& tx, std::int64_t id, time::Instant now);
  static void TouchApiKey(db::Tx& tx, std::int64_t id, time::Instant now);

  // ---- applicants
  // 409 identity.duplicate_applicant when the ID number or credit code is registered already.
  static std::int64_t InsertApplicant(db::Tx& tx, const Applicant& a, const std::optional<std::string>& id_index,
                                      time::Instant now);
  static std::optional<Applicant> FindApplicant(db::Tx& tx, std::int64_t id);
  static std::optional<Applicant> FindApplicantByUser(db::Tx& tx, std::int64_t user_id);
  static std::vector<Applicant> Applicants(db::Tx& tx, std::optional<bool> verified, int offset, int limit,
                                           std::int64_t* total);
  static void SetVerified(db::Tx& tx, std::int64_t id, time::Instant now, const std::string& by);
};

}  // namespace tongban::identity
