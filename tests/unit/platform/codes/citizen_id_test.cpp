#include "platform/codes/citizen_id.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tongban::codes {
namespace {

const time::Date kToday = *time::Date::Parse("2026-11-23");

// "<first 17>" + its check character.
std::string WithCheck(const std::string& first17) {
  return first17 + *ComputeCitizenIdCheckChar(first17);
}

struct GoodId {
  std::string id;
  std::string birth;
  Sex sex;
  std::string division;
};

TEST(CitizenId, AcceptsValidNumbers) {
  const std::vector<GoodId> cases = {
      // The two worked examples of GB 11643-1999 itself.
      {"11010519491231002X", "1949-12-31", Sex::kFemale, "110105"},
      {"440524188001010014", "1880-01-01", Sex::kMale, "440524"},
      {WithCheck("37021120000229002"), "2000-02-29", Sex::kFemale, "370211"},
      // A county merged since (四方区, 2012): only the province is checked.
      {WithCheck("37020519851003001"), "1985-10-03", Sex::kMale, "370205"},
      // Residence permit of a Taiwan resident (830000), born today.
      {WithCheck("83000020261123001"), "2026-11-23", Sex::kMale, "830000"},
  };
  for (const auto& c : cases) {
    const auto r = CheckCitizenId(c.id, kToday);
    EXPECT_TRUE(r.valid) << c.id << ": " << r.reason;
    ASSERT_TRUE(r.birth_date) << c.id;
    EXPECT_EQ(r.birth_date->ToString(), c.birth) << c.id;
    EXPECT_EQ(r.sex, c.sex) << c.id;
    EXPECT_EQ(r.division, c.division) << c.id;
  }
}

TEST(CitizenId, AcceptsLowerCaseXAndSpaces) {
  const auto r = CheckCitizenId(" 11010519491231002x ", kToday);
  EXPECT_TRUE(r.valid) << r.reason;
  EXPECT_EQ(r.normalized, "11010519491231002X");
}

struct BadId {
  std::string id;
  std::string reason;
  bool only_check_character_fails;
};

TEST(CitizenId, RefusesBadNumbersWithTheFirstFailingRule) {
  const std::vector<BadId> cases = {
      {"", "length", false},
      {"110105491231002", "length", false},  // first-generation 15 digits
      {"11010519491231002X1", "length", false},
      {"110105194912310021", "check_character", true},
      {"110105194912310029", "check_character", true},
      {"11010519491231002Y", "alphabet", false},
      {"1101051949123100X2", "alphabet", false},   // X only as the last character
      {"11010519491231002１", "alphabet", false},  // full-width digit
      {WithCheck("99010519491231002"), "province", false},
      {WithCheck("00010519491231002"), "province", false},
      {WithCheck("90010519491231002"), "province", false},
      {WithCheck("11010519490230002"), "birth_date", false},         // 30 February
      {WithCheck("11010519000229002"), "birth_date", false},         // 1900 was no leap year
      {WithCheck("11010519491301002"), "birth_date", false},         // month 13
      {WithCheck("11010519490100002"), "birth_date", false},         // day 0
      {WithCheck("11010520261124002"), "birth_date_future", false},  // tomorrow
      {WithCheck("11010530000101002"), "birth_date_future", false},
  };
  for (const auto& c : cases) {
    const auto r = CheckCitizenId(c.id, kToday);
    EXPECT_FALSE(r.valid) << c.id;
    EXPECT_EQ(r.reason, c.reason) << c.id;
    EXPECT_EQ(r.only_check_character_fails, c.only_check_character_fails) << c.id;
    EXPECT_FALSE(r.reason_zh.empty()) << c.id;
    EXPECT_FALSE(r.reason_en.empty()) << c.id;
  }
}

TEST(CitizenId, OnlyCheckCharacterFlagIsFalseWhenAnotherRuleAlsoFails) {
  // Wrong province and wrong check character: the province names the failure.
  std::string id = WithCheck("99010519491231002");
  id.back() = id.back() == '0' ? '1' : '0';
  const auto r = CheckCitizenId(id, kToday);
  EXPECT_EQ(r.reason, "province");
  EXPECT_FALSE(r.only_check_character_fails);
}

TEST(CitizenId, ReportsTheExpectedCheckCharacter) {
  const auto r = CheckCitizenId("110105194912310021", kToday);
  EXPECT_EQ(r.expected_check_character, 'X');
}

TEST(CitizenId, ComputeRejectsBadInput) {
  EXPECT_FALSE(ComputeCitizenIdCheckChar("1101051949123100"));
  EXPECT_FALSE(ComputeCitizenIdCheckChar("1101051949123100A"));
  EXPECT_EQ(ComputeCitizenIdCheckChar("11010519491231002"), 'X');
  EXPECT_EQ(ComputeCitizenIdCheckChar("44052418800101001"), '4');
}

}  // namespace
}  // namespace tongban::codes
