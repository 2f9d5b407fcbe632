#include "platform/codes/credit_code.hpp"

#include <fmt/format.h>

#include <array>

#include "platform/codes/division_table.hpp"
#include "platform/codes/provinces.hpp"
#include "platform/codes/text_input.hpp"

namespace tongban::codes {

namespace {

constexpr std::size_t kLength = 18;
// 3^i mod 31 for positions 1-17 (GB 32100-2015, 5.3).
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};
// GB 11714-1997 weights for the eight body characters of an organisation code.
constexpr std::array<int, 8> kOrgWeights = {3, 7, 9, 10, 5, 8, 4, 2};

int AlphabetValue(char c) {
  const auto pos = kCreditCodeAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// GB 11714 body characters: digits are their value, capital letters A-Z are 10-35 (the full
// Latin alphabet; the credit code's own alphabet is narrower and is checked first).
int OrgCodeValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

void Fail(CreditCodeCheck& r, std::string reason, std::string zh, std::string en) {
  if (!r.reason.empty()) return;  // the first failure names the result
  r.reason = std::move(reason);
  r.reason_zh = std::move(zh);
  r.reason_en = std::move(en);
}

}  // namespace

std::optional<char> ComputeCreditCodeCheckChar(std::string_view first17) {
  if (first17.size() != kWeights.size()) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < first17.size(); ++i) {
    const int v = AlphabetValue(first17[i]);
    if (v < 0) return std::nullopt;
    sum += v * kWeights[i];
  }
  const int check = (31 - sum % 31) % 31;  // 31 -> 0
  return kCreditCodeAlphabet[static_cast<std::size_t>(check)];
}

std::optional<char> ComputeOrgCodeCheckChar(std::string_view first8) {
  if (first8.size() != kOrgWeights.size()) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < first8.size(); ++i) {
    const int v = OrgCodeValue(first8[i]);
    if (v < 0) return std::nullopt;
    sum += v * kOrgWeights[i];
  }
  const int check = 11 - sum % 11;
  if (check == 10) return 'X';
  if (check == 11) return '0';
  return static_cast<char>('0' + check);
}

CreditCodeCheck CheckCreditCode(std::string_view code, const DivisionTable* divisions) {
  CreditCodeCheck r;
  r.normalized = internal::NormalizeTyped(code);
  const auto chars = internal::SplitUtf8(r.normalized);
  if (chars.size() != kLength) {
    Fail(r, "length", fmt::format("统一社会信用代码应为18位，实际为{}位", chars.size()),
         fmt::format("A unified social credit code has 18 characters, not {}", chars.size()));
    return r;
  }
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (chars[i].size() != 1 || AlphabetValue(chars[i][0]) < 0) {
      const std::string shown = internal::QuoteIfPrintable(chars[i]);
      Fail(
          r, "alphabet",
          fmt::format(
              "统一社会信用代码第{}位{}不是允许的字符（只能是数字和除I、O、S、V、Z以外的大写字母）",
              i + 1, shown),
          fmt::format("Character {} {}is not allowed: only digits and capital letters other than "
                      "I, O, S, V and Z",
                      i + 1, shown.empty() ? "" : shown + " "));
      return r;
    }
  }
  // From here the string is 18 ASCII characters of the alphabet.
  const std::string& s = r.normalized;
  r.parts.registration_authority = s[0];
  r.parts.organisation_type = s[1];
  r.parts.division = s.substr(2, 6);
  r.parts.organisation_code = s.substr(8, 9);
  r.expected_check_character = *ComputeCreditCodeCheckChar(std::string_view(s).substr(0, 17));

  bool other_rule_failed = false;
  const bool national = r.parts.division == "100000";
  if (!national && !IsProvinceCode(std::string_view(r.parts.division).substr(0, 2))) {
    other_rule_failed = true;
    Fail(r, "division",
         fmt::format("统一社会信用代码第3-8位的行政区划代码{}不存在（省级代码{}无效）",
                     r.parts.division, r.parts.division.substr(0, 2)),
         fmt::format("Positions 3-8 ({}) are not an administrative division: there is no "
                     "province {}",
                     r.parts.division, r.parts.division.substr(0, 2)));
  }
  if (divisions != nullptr) {
    if (const Division* d = divisions->Find(r.parts.division)) r.division_name = d->name;
  }
  if (ComputeOrgCodeCheckChar(std::string_view(s).substr(8, 8)) != s[16]) {
    other_rule_failed = true;
    Fail(r, "org_code_check", "统一社会信用代码第9-17位（组织机构代码）的校验码错误，请核对",
         "The organisation code in positions 9-17 fails its own check character (position 17); "
         "please check the code");
  }
  const bool check_ok = s[17] == r.expected_check_character;
  if (!check_ok) {
    Fail(r, "check_character", "统一社会信用代码校验码（第18位）错误，请核对",
         "The check character (position 18) does not match the code; please check it");
  }
  r.valid = r.reason.empty();
  r.only_check_character_fails = !check_ok && !other_rule_failed;
  return r;
}

}  // namespace tongban::codes
