#pragma once
// The unified social credit code 统一社会信用代码 (GB 32100-2015), checked as DOMAIN.md says:
// 18 characters from 0-9 and A-Z less I O S V Z; position 1 registration authority, 2 organisation
// type, 3-8 administrative division, 9-17 the organisation code with its own GB 11714 check
// character at 17, 18 the check character over positions 1-17.
//
// An invalid code is a value, not an exception: the result says which rule failed, in both
// languages. What a person types is refused when `valid` is false; what an importer reads from an
// existing registry may be kept when `only_check_character_fails` (flag it 待核实).
//
// Pure functions; thread-safe.
#include <optional>
#include <string>
#include <string_view>

namespace tongban::codes {

class DivisionTable;

// The 31 characters of the code, in value order: a character's value is its index here.
inline constexpr std::string_view kCreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

struct CreditCodeParts {
  char registration_authority =
      0;  // position 1: '1' 机构编制, '5' 民政, '9' 市场监管, 'Y' 其他, ...
  char organisation_type =
      0;  // position 2: under '9', '1' 企业, '2' 个体工商户, '3' 农民专业合作社
  std::string division;           // positions 3-8, "370211"; "100000" for national bodies
  std::string organisation_code;  // positions 9-17, the GB 11714 code without its hyphen
};

struct CreditCodeCheck {
  bool valid = false;
  // "" when valid, else the first rule that failed, in this order: "length", "alphabet",
  // "division", "org_code_check", "check_character".
  std::string reason;
  std::string reason_zh;  // for the person: what is wrong, in Chinese
  std::string reason_en;
  // True when every rule but the final check character holds: the code may be a registry's
  // mistyped issue rather than an invention, so an importer keeps it, flagged 待核实.
  bool only_check_character_fails = false;
  // The input with surrounding ASCII spaces removed and a-z upper-cased; the form to store.
  std::string normalized;
  // Set once length and alphabet hold.
  CreditCodeParts parts;
  // What position 18 should be, for an importer's correction list; 0 until length and alphabet
  // hold. Not put in the messages: when a person mistypes, the slip is as likely elsewhere.
  char expected_check_character = 0;
  // The division's name when `divisions` was given and knows positions 3-8 exactly; "" otherwise.
  std::string division_name;
};

// Checks `code`. The division (positions 3-8) must lie in a real province (GB/T 2260), or be
// 100000 for national bodies; the exact code is not required to be current, since registrations
// outlive merged counties. When `divisions` is given it only names the division.
CreditCodeCheck CheckCreditCode(std::string_view code, const DivisionTable* divisions = nullptr);

// The check character (position 18) for the first 17 characters; nullopt when `first17` is not
// exactly 17 characters of the alphabet. For tests and demo data that need valid codes.
std::optional<char> ComputeCreditCodeCheckChar(std::string_view first17);

// The GB 11714 organisation-code check character for its first 8 characters (digits and A-Z):
// '0'-'9' or 'X'; nullopt when `first8` is not 8 such characters.
std::optional<char> ComputeOrgCodeCheckChar(std::string_view first8);

}  // namespace tongban::codes
