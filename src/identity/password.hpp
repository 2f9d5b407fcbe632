#pragma once
// Passwords: the policy a new password must meet, and argon2id hashing through libsodium's
// crypto_pwhash_str (DOMAIN.md "Identity and audit"). Thread-safe.
//
// Parameters (stated for docs/benchmarks.md): argon2id, t = 2 passes, m = 19 MiB, p = 1 — the
// OWASP minimum for argon2id; roughly 20-40 ms per hash on one core of this machine. The parameters
// are embedded in each stored hash, so raising them later leaves old hashes verifiable.
#include <optional>
#include <string>
#include <string_view>

namespace tongban::identity {

inline constexpr unsigned long long kPasswordOpsLimit = 2;
inline constexpr std::size_t kPasswordMemLimit = 19u * 1024u * 1024u;

struct PasswordProblem {
  std::string code;  // "too_short", "too_long", "too_simple", "same_as_username"
  std::string message_zh;
  std::string message_en;
};

// At least 8 characters, at most 128 bytes, at least 3 of the 4 classes (lower-case, upper-case,
// digits, others), and not the username. nullopt when it passes.
std::optional<PasswordProblem> CheckPasswordPolicy(std::string_view password, std::string_view username);

// An encoded argon2id hash ("$argon2id$v=19$m=19456,t=2,p=1$..."). Throws std::runtime_error when
// the system is out of memory.
std::string HashPassword(std::string_view password);
// False for a wrong password or a malformed hash.
bool VerifyPassword(std::string_view password, const std::string& hash);

}  // namespace tongban::identity
