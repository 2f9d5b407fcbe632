#include "platform/codes/citizen_id.hpp"

#include <fmt/format.h>

#include <array>

#include "platform/codes/provinces.hpp"
#include "platform/codes/text_input.hpp"

namespace tongban::codes {

namespace {

constexpr std::size_t kLength = 18;
// 2^(17-i) mod 11 for positions 1-17 (GB 11643-1999, ISO 7064 MOD 11-2).
constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int Digits(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

void Fail(CitizenIdCheck& r, std::string reason, std::string zh, std::string en) {
  if (!r.reason.empty()) return;
  r.reason = std::move(reason);
  r.reason_zh = std::move(zh);
  r.reason_en = std::move(en);
}

}  // namespace

std::optional<char> ComputeCitizenIdCheckChar(std::string_view first17) {
  if (first17.size() != kWeights.size()) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < first17.size(); ++i) {
    if (!IsDigit(first17[i])) return std::nullopt;
    sum += (first17[i] - '0') * kWeights[i];
  }
  return kCheckChars[static_cast<std::size_t>(sum % 11)];
}

CitizenIdCheck CheckCitizenId(std::string_view id, time::Date today) {
  CitizenIdCheck r;
  r.normalized = internal::NormalizeTyped(id);
  const auto chars = internal::SplitUtf8(r.normalized);
  if (chars.size() != kLength) {
    Fail(r, "length", fmt::format("公民身份号码应为18位，实际为{}位", chars.size()),
         fmt::format("A citizen ID number has 18 characters, not {}", chars.size()));
    return r;
  }
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const bool ok =
        chars[i].size() == 1 && (IsDigit(chars[i][0]) || (i == kLength - 1 && chars[i][0] == 'X'));
    if (!ok) {
      const std::string shown = internal::QuoteIfPrintable(chars[i]);
      Fail(r, "alphabet",
           fmt::format("公民身份号码第{}位{}不是允许的字符（前17位为数字，末位为数字或X）", i + 1,
                       shown),
           fmt::format("Character {} {}is not allowed: the first 17 are digits, the last a digit "
                       "or X",
                       i + 1, shown.empty() ? "" : shown + " "));
      return r;
    }
  }
  const std::string& s = r.normalized;
  r.division = s.substr(0, 6);
  r.sex = (s[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale;
  r.expected_check_character = *ComputeCitizenIdCheckChar(std::string_view(s).substr(0, 17));

  bool other_rule_failed = false;
  if (!IsIdNumberProvinceCode(std::string_view(s).substr(0, 2))) {
    other_rule_failed = true;
    Fail(r, "province",
         fmt::format("公民身份号码前两位{}不是有效的省级行政区划代码", s.substr(0, 2)),
         fmt::format("The first two digits ({}) are not a province code", s.substr(0, 2)));
  }
  r.birth_date = time::Date::FromCivil(Digits(std::string_view(s).substr(6, 4)),
                                       Digits(std::string_view(s).substr(10, 2)),
                                       Digits(std::string_view(s).substr(12, 2)));
  if (!r.birth_date) {
    other_rule_failed = true;
    Fail(r, "birth_date", fmt::format("公民身份号码中的出生日期{}不是有效日期", s.substr(6, 8)),
         fmt::format("The birth date in the number ({}) is not a real date", s.substr(6, 8)));
  } else if (*r.birth_date > today) {
    other_rule_failed = true;
    Fail(r, "birth_date_future",
         fmt::format("公民身份号码中的出生日期{}晚于今天", r.birth_date->ToString()),
         fmt::format("The birth date in the number ({}) is after today", r.birth_date->ToString()));
  }
  const bool check_ok = s[17] == r.expected_check_character;
  if (!check_ok) {
    Fail(r, "check_character", "公民身份号码校验码（第18位）错误，请核对",
         "The check character (position 18) does not match the number; please check it");
  }
  r.valid = r.reason.empty();
  r.only_check_character_fails = !check_ok && !other_rule_failed;
  return r;
}

}  // namespace tongban::codes
