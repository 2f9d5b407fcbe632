#include "platform/codes/credit_code.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "platform/codes/division_table.hpp"
#include "platform/codes/test_data_dir.hpp"

namespace tongban::codes {
namespace {

// Codes of real, publicly registered enterprises (their registration notices), so the two check
// characters are tested against codes issued by the registry, not only against our own arithmetic.
const std::vector<std::string> kIssuedCodes = {
    "91350100M000100Y43",  // the sample code printed on the national registry's own materials
    "91110108551385082Q", "9144030071526726XG", "91330100716105852F", "914403001922038216",
};

TEST(CreditCode, AcceptsIssuedCodes) {
  for (const auto& code : kIssuedCodes) {
    const auto r = CheckCreditCode(code);
    EXPECT_TRUE(r.valid) << code << ": " << r.reason;
    EXPECT_EQ(r.reason, "") << code;
    EXPECT_FALSE(r.only_check_character_fails) << code;
    EXPECT_EQ(r.normalized, code);
  }
}

TEST(CreditCode, SplitsParts) {
  const auto r = CheckCreditCode("91350100M000100Y43");
  ASSERT_TRUE(r.valid);
  EXPECT_EQ(r.parts.registration_authority, '9');
  EXPECT_EQ(r.parts.organisation_type, '1');
  EXPECT_EQ(r.parts.division, "350100");
  EXPECT_EQ(r.parts.organisation_code, "M000100Y4");
  EXPECT_EQ(r.expected_check_character, '3');
}

TEST(CreditCode, NormalizesWhatAPersonTypes) {
  const auto r = CheckCreditCode("  91110108551385082q\t");
  EXPECT_TRUE(r.valid) << r.reason;
  EXPECT_EQ(r.normalized, "91110108551385082Q");
}

struct BadCode {
  std::string code;
  std::string reason;
  bool only_check_character_fails;
};

TEST(CreditCode, RefusesBadCodesWithTheFirstFailingRule) {
  const std::vector<BadCode> cases = {
      {"", "length", false},
      {"91350100M000100Y4", "length", false},
      {"91350100M000100Y433", "length", false},
      {"91350100M000100Y44", "check_character", true},  // last character changed
      {"91350100M000100Y4I", "alphabet", false},        // I is not in the alphabet
      {"91350100O000100Y43", "alphabet", false},        // O neither
      {"9135010-M000100Y43", "alphabet", false},
      {"91350100M000100Y4３", "alphabet", false},       // full-width digit: 18 characters
      {"91990100M000100Y43", "division", false},        // no province 99
      {"91350100M000101Y43", "org_code_check", false},  // organisation code body changed
      {"91350100M000100Y53", "org_code_check", false},  // organisation check character changed
  };
  for (const auto& c : cases) {
    const auto r = CheckCreditCode(c.code);
    EXPECT_FALSE(r.valid) << c.code;
    EXPECT_EQ(r.reason, c.reason) << c.code;
    EXPECT_EQ(r.only_check_character_fails, c.only_check_character_fails) << c.code;
    EXPECT_FALSE(r.reason_zh.empty()) << c.code;
    EXPECT_FALSE(r.reason_en.empty()) << c.code;
  }
}

TEST(CreditCode, CountsCharactersNotBytesInMessages) {
  const auto r = CheckCreditCode("统一社会信用代码");
  EXPECT_EQ(r.reason, "length");
  EXPECT_NE(r.reason_en.find("not 8"), std::string::npos) << r.reason_en;
}

TEST(CreditCode, NamesTheBadCharacterWhenPrintable) {
  const auto r = CheckCreditCode("91350100M000100Y4I");
  EXPECT_NE(r.reason_en.find("Character 18 \"I\""), std::string::npos) << r.reason_en;
  EXPECT_NE(r.reason_zh.find("第18位\"I\""), std::string::npos) << r.reason_zh;
}

TEST(CreditCode, AcceptsTheNationalDivision) {
  // Central bodies register under 100000 (the whole country) rather than a province.
  std::string code = "11100000";
  const std::string org_body = "00001312";
  code += org_body;
  code += *ComputeOrgCodeCheckChar(org_body);
  code += *ComputeCreditCodeCheckChar(code);
  const auto r = CheckCreditCode(code);
  EXPECT_TRUE(r.valid) << code << ": " << r.reason;
}

TEST(CreditCode, ComputedCheckCharactersMakeValidCodes) {
  // A spread of bodies, so every check value 0..30 and 'X' / '0' organisation checks occur.
  int seen_x = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string body = std::to_string(10000000 + i * 37);
    const char org_check = *ComputeOrgCodeCheckChar(body);
    if (org_check == 'X') ++seen_x;
    std::string code = "92370211" + body + org_check;
    code += *ComputeCreditCodeCheckChar(code);
    const auto r = CheckCreditCode(code);
    ASSERT_TRUE(r.valid) << code << ": " << r.reason;
  }
  EXPECT_GT(seen_x, 0);
}

TEST(CreditCode, ComputeRejectsBadInput) {
  EXPECT_FALSE(ComputeCreditCodeCheckChar("9135010"));
  EXPECT_FALSE(ComputeCreditCodeCheckChar("91350100M000100YI"));
  EXPECT_FALSE(ComputeOrgCodeCheckChar("1234567"));
  EXPECT_FALSE(ComputeOrgCodeCheckChar("1234567-"));
}

TEST(CreditCode, OrgCodeCheckFollowsGb11714) {
  struct Case {
    std::string body;
    char check;
  };
  // Worked by hand: sum of value x weight (3 7 9 10 5 8 4 2), check = 11 - sum mod 11.
  const std::vector<Case> cases = {
      {"00000000", '0'},  // sum 0: 11 -> '0'
      {"10000000", '8'},  // 3
      {"01000000", '4'},  // 7
      {"00100000", '2'},  // 9
      {"00010000", '1'},  // 10
      {"00001000", '6'},  // 5
      {"00000100", '3'},  // 8
      {"00000010", '7'},  // 4
      {"00000001", '9'},  // 2
      {"00000011", '5'},  // 6
      {"40000000", 'X'},  // 12 = 1 mod 11: 10 -> 'X'
      {"A0000000", '3'},  // letters count from A = 10: 30 = 8 mod 11
  };
  for (const auto& c : cases) EXPECT_EQ(ComputeOrgCodeCheckChar(c.body), c.check) << c.body;
}

TEST(CreditCode, NamesTheDivisionFromTheTable) {
  const auto dir = testing::TestDataDir();
  ASSERT_FALSE(dir.empty()) << "set TONGBAN_DATA_DIR";
  const auto table = DivisionTable::LoadFromDirectory(dir / "divisions");
  std::string code = "91370211";
  const std::string body = "MA3C1234";
  code += body;
  code += *ComputeOrgCodeCheckChar(body);
  code += *ComputeCreditCodeCheckChar(code);
  const auto r = CheckCreditCode(code, &table);
  EXPECT_TRUE(r.valid) << code << ": " << r.reason;
  EXPECT_EQ(r.division_name, "黄岛区");

  // 370205 (四方区) was merged in 2012: still a valid registration, just not named any more.
  code = "91370205" + body + *ComputeOrgCodeCheckChar(body);
  code += *ComputeCreditCodeCheckChar(code);
  const auto old = CheckCreditCode(code, &table);
  EXPECT_TRUE(old.valid) << old.reason;
  EXPECT_EQ(old.division_name, "");
}

}  // namespace
}  // namespace tongban::codes
