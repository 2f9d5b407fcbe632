#pragma once
// The citizen identity number 公民身份号码 (GB 11643-1999): 6 digits of the issuing division, 8 of
// the birth date (YYYYMMDD), 3 of sequence (odd for men, even for women) and a check character,
// a digit or X, from weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and `10X98765432`.
//
// Only the province of the issuing division is checked (DOMAIN.md): the rest may name a county
// merged since (370205, 四方区, merged in 2012). 15-digit numbers of the first generation are
// refused ("length"); they went out of use in 2013.
//
// An invalid number is a value, not an exception. Pure functions; thread-safe.
#include <optional>
#include <string>
#include <string_view>

#include "platform/time/date.hpp"

namespace tongban::codes {

enum class Sex { kMale, kFemale };

struct CitizenIdCheck {
  bool valid = false;
  // "" when valid, else the first rule that failed, in this order: "length", "alphabet",
  // "province", "birth_date" (not a real date), "birth_date_future" (after `today`),
  // "check_character".
  std::string reason;
  std::string reason_zh;
  std::string reason_en;
  // True when every rule but the check character holds (see credit_code.hpp).
  bool only_check_character_fails = false;
  // Surrounding ASCII spaces removed, a lower-case x upper-cased; the form to store.
  std::string normalized;
  // Set once length and alphabet hold.
  std::string division;  // the first six digits
  // Set when the birth date is a real date (even if in the future).
  std::optional<time::Date> birth_date;
  // Set once length and alphabet hold.
  std::optional<Sex> sex;
  // What the 18th character should be, once length and alphabet hold; 0 before.
  char expected_check_character = 0;
};

// Checks `id` as of `today` (the caller's business date: a birth date after it is refused).
CitizenIdCheck CheckCitizenId(std::string_view id, time::Date today);

// The check character ('0'-'9' or 'X') for the first 17 digits; nullopt when `first17` is not
// exactly 17 ASCII digits. For tests and demo data.
std::optional<char> ComputeCitizenIdCheckChar(std::string_view first17);

}  // namespace tongban::codes
