#pragma once
// The words of the audit module 审计: who did what to which object, from where, chained by hash.
#include <cstdint>
#include <optional>
#include <string>

#include "platform/time/clock.hpp"

namespace tongban::audit {

// Who acts 操作人: a user, an API key, or the platform itself ("system": 秒批, jobs).
struct Actor {
  std::string name;              // username, "system", "apikey:<name>"
  std::optional<std::int64_t> user_id;
  std::string role;              // role codes, comma-separated
  std::string department;        // department name
  std::string request_id;
  std::string client_addr;
};

// One stored record of the chain.
struct Record {
  std::int64_t seq = 0;
  time::Instant at;
  std::string actor;
  std::optional<std::int64_t> actor_id;
  std::string role;
  std::string department;
  std::string action;       // "identity.user.create"
  std::string object_type;  // "user"
  std::string object_id;
  std::string request_id;
  std::string client_addr;
  std::string change;       // canonical JSON text, personal data masked
  std::string digest;       // SHA-256 hex of `change`
  std::string prev_hash;
  std::string hash;
};

// A signed chain head 检查点.
struct Checkpoint {
  std::int64_t id = 0;
  std::string day;  // YYYY-MM-DD, Asia/Shanghai
  std::int64_t seq = 0;
  std::string head_hash;
  time::Instant signed_at;
  std::int64_t key_id = 0;
  std::string public_key;  // PEM
  std::string signature;   // base64
};

struct RecordFilter {
  std::optional<std::string> actor;
  std::optional<std::string> object_type;
  std::optional<std::string> object_id;
  std::optional<time::Instant> from;
  std::optional<time::Instant> to;
  int offset = 0;
  int limit = 20;
};

// What `Verify` found. `ok` is false at the first problem; `broken_seq` names the record (0 when
// the problem is a checkpoint itself).
struct VerifyReport {
  bool ok = true;
  std::int64_t records = 0;
  std::int64_t checkpoints = 0;
  std::int64_t broken_seq = 0;
  std::string problem_zh;
  std::string problem_en;
};

}  // namespace tongban::audit
