#include "identity/password.hpp"

#include <sodium.h>

#include <stdexcept>

namespace tongban::identity {
namespace {

void InitSodium() {
  static const int kInit = sodium_init();
  if (kInit < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::optional<PasswordProblem> CheckPasswordPolicy(std::string_view password, std::string_view username) {
  std::size_t chars = 0;
  bool lower = false, upper = false, digit = false, other = false;
  for (unsigned char c : password) {
    if ((c & 0xC0) != 0x80) ++chars;
    if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= '0' && c <= '9') digit = true;
    else other = true;
  }
  if (chars < 8) return PasswordProblem{"too_short", "密码至少 8 个字符", "The password must have at least 8 characters"};
  if (password.size() > 128) return PasswordProblem{"too_long", "密码最多 128 字节", "The password must be at most 128 bytes"};
  if (lower + upper + digit + other < 3)
    return PasswordProblem{"too_simple", "密码须包含小写字母、大写字母、数字、符号中的至少三类",
                           "The password must mix at least 3 of: lower-case, upper-case, digits, symbols"};
  if (!username.empty() && password == username)
    return PasswordProblem{"same_as_username", "密码不能与用户名相同", "The password must differ from the username"};
  return std::nullopt;
}

std::string HashPassword(std::string_view password) {
  InitSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), kPasswordOpsLimit, kPasswordMemLimit) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return out;
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  InitSodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace tongban::identity
