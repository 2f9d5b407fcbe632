// The password policy and argon2id hashing.
#include "identity/password.hpp"

#include <gtest/gtest.h>

namespace tongban::identity {
namespace {

TEST(PasswordPolicyTest, Table) {
  struct Case {
    std::string password;
    std::string problem;  // "" when accepted
  };
  const std::vector<Case> cases = {
      {"Tongban@2026", ""},
      {"abcdEFGH1", ""},
      {"abcd1234!", ""},
      {"ABCD1234!", ""},
      {"Ab1!", "too_short"},
      {"Abc1!xy", "too_short"},
      {"abcdefgh", "too_simple"},
      {"abcd1234", "too_simple"},
      {"ABCDabcd", "too_simple"},
      {std::string(129, 'a') + "A1", "too_long"},
      {"alice@Example1", ""},
  };
  for (const auto& c : cases) {
    const auto problem = CheckPasswordPolicy(c.password, "alice");
    EXPECT_EQ(problem ? problem->code : "", c.problem) << c.password;
    if (problem) {
      EXPECT_FALSE(problem->message_zh.empty());
      EXPECT_FALSE(problem->message_en.empty());
    }
  }
  // Length counts characters, not bytes: 4 CJK + "Ab1" is 7 characters.
  EXPECT_EQ(CheckPasswordPolicy("密码密码Ab1", "u")->code, "too_short");
  EXPECT_FALSE(CheckPasswordPolicy("密码密码Ab12", "u").has_value());
  EXPECT_EQ(CheckPasswordPolicy("Alice@2026x", "Alice@2026x")->code, "same_as_username");
}

TEST(PasswordHashTest, Argon2idRoundTrip) {
  const auto hash = HashPassword("Tongban@2026");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_NE(hash.find("m=19456,t=2,p=1"), std::string::npos) << hash;
  EXPECT_TRUE(VerifyPassword("Tongban@2026", hash));
  EXPECT_FALSE(VerifyPassword("Tongban@2027", hash));
  EXPECT_FALSE(VerifyPassword("Tongban@2026", "not a hash"));
  EXPECT_FALSE(VerifyPassword("Tongban@2026", ""));
  EXPECT_NE(HashPassword("Tongban@2026"), hash) << "salted";
}

}  // namespace
}  // namespace tongban::identity
