#pragma once
// The words of identity 身份: departments 部门, users 用户, roles 角色, applicants 申请人,
// sessions 会话, API keys 接口密钥 and the login log 登录日志. Plain structs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "identity/permissions.hpp"
#include "platform/time/clock.hpp"

namespace tongban::identity {

struct Department {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string name;
  std::string division_code;
  bool is_service_hall = false;  // 政务服务大厅
  int sort = 0;
  std::string status = "active";  // "active" | "disabled"
  time::Instant created_at;
};

struct Role {
  std::int64_t id = 0;
  std::string code;
  std::string name_zh;
  std::string name_en;
  DataScope scope = DataScope::kOwn;
  bool builtin = false;
  std::vector<std::string> permissions;  // sorted
};

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string kind = "staff";  // "staff" | "applicant"
  std::optional<std::int64_t> department_id;
  std::string department_name;
  std::string password_hash;
  std::string status = "active";
  std::string phone_sealed;
  std::string phone_masked;
  std::vector<std::string> roles;  // codes, sorted
  std::optional<time::Instant> locked_until;
  time::Instant created_at;
};

struct Applicant {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string username;
  std::string kind;  // "natural" | "legal"
  std::string name;
  std::string id_number_masked;
  std::string id_number_sealed;
  std::optional<std::string> credit_code;
  bool verified = false;
  std::optional<time::Instant> verified_at;
  std::optional<std::string> verified_by;
  time::Instant created_at;
};

struct Session {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::string csrf_token;
  std::string client_addr;
  std::string user_agent;
  time::Instant created_at;
  time::Instant last_seen_at;
  time::Instant expires_at;
  std::optional<time::Instant> revoked_at;
};

struct ApiKey {
  std::int64_t id = 0;
  std::string name;
  std::string prefix;
  std::vector<std::string> scope;
  std::optional<std::int64_t> created_by;
  time::Instant created_at;
  std::optional<time::Instant> expires_at;
  std::optional<time::Instant> revoked_at;
  std::optional<time::Instant> last_used_at;
};

enum class LoginResult { kSuccess, kFailure, kLocked };
const char* ToString(LoginResult result);

struct LoginLogEntry {
  std::int64_t id = 0;
  time::Instant at;
  std::string username;
  std::optional<std::int64_t> user_id;
  LoginResult result = LoginResult::kFailure;
  std::string client_addr;
  std::string user_agent;
  std::string reason;
};

struct LoginLogFilter {
  std::optional<std::string> username;
  std::optional<std::string> result;  // "success" | "failure" | "locked"
  std::optional<time::Instant> from, to;
  int offset = 0, limit = 20;
};

}  // namespace tongban::identity
