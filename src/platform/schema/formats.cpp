#include "platform/schema/formats.hpp"

#include <array>

#include "platform/codes/citizen_id.hpp"
#include "platform/codes/credit_code.hpp"
#include "platform/codes/provinces.hpp"
#include "platform/time/clock.hpp"

namespace tongban::schema::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool AllDigits(std::string_view s) {
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}

std::optional<Text> Date(std::string_view value, time::Date) {
  if (time::Date::Parse(value)) return std::nullopt;
  return Text{"应为日期，格式 YYYY-MM-DD（如 2026-03-01）", "must be a date, YYYY-MM-DD (as 2026-03-01)"};
}

// RFC 3339 as platform/time reads it (the same reader the API uses for instants): 'T' or a space
// between date and time, a fraction, 'Z' or ±HH:MM. A leap second (:60) is refused.
std::optional<Text> DateTime(std::string_view value, time::Date) {
  if (time::ParseRfc3339(value)) return std::nullopt;
  return Text{"应为日期时间（RFC 3339，如 2026-03-01T09:30:00+08:00）",
              "must be a date and time (RFC 3339, as 2026-03-01T09:30:00+08:00)"};
}

// The address shape ajv-formats checks in the browser, so both sides agree: a dot-atom local
// part, '@', and dot-separated host labels of letters, digits and inner hyphens (at least two).
std::optional<Text> Email(std::string_view value, time::Date) {
  static constexpr std::string_view kLocalSpecials = "!#$%&'*+/=?^_`{|}~-";
  const auto is_alnum = [](char c) {
    return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  const auto at = value.find('@');
  bool ok = at != std::string_view::npos && at > 0;
  if (ok) {
    const std::string_view local = value.substr(0, at), host = value.substr(at + 1);
    char previous = '.';
    for (char c : local) {
      if (c == '.') {
        ok = ok && previous != '.';
      } else {
        ok = ok && (is_alnum(c) || kLocalSpecials.find(c) != std::string_view::npos);
      }
      previous = c;
    }
    ok = ok && previous != '.';
    int labels = 0;
    std::size_t start = 0;
    while (ok && start <= host.size()) {
      auto end = host.find('.', start);
      if (end == std::string_view::npos) end = host.size();
      const std::string_view label = host.substr(start, end - start);
      ok = !label.empty() && is_alnum(label.front()) && is_alnum(label.back());
      for (char c : label) ok = ok && (is_alnum(c) || c == '-');
      ++labels;
      start = end + 1;
    }
    ok = ok && labels >= 2;
  }
  if (ok) return std::nullopt;
  return Text{"应为有效的电子邮箱地址（如 name@example.com）", "must be an e-mail address (as name@example.com)"};
}

// platform/codes' own sentences: the Chinese one names the code already; the English one is a
// sentence of its own ("The check character …"), put after what the value is not.
Text Reason(const std::string& zh, std::string_view what_en, std::string en) {
  if (!en.empty() && en[0] >= 'A' && en[0] <= 'Z') en[0] = static_cast<char>(en[0] - 'A' + 'a');
  return {zh, std::string(what_en) + ": " + en};
}

// A code a person types is stored as typed, so it must already be in the form the code checks
// normalise to: upper case, no surrounding spaces.
Text NotNormalised(std::string_view what_zh, std::string_view what_en) {
  return {std::string(what_zh) + "应使用大写字母，前后不留空格",
          std::string(what_en) + " must be in upper case, without surrounding spaces"};
}

std::optional<Text> CreditCode(std::string_view value, time::Date) {
  const auto check = codes::CheckCreditCode(value);
  if (!check.valid) return Reason(check.reason_zh, "must be a valid unified social credit code", check.reason_en);
  if (check.normalized != value) return NotNormalised("统一社会信用代码", "the unified social credit code");
  return std::nullopt;
}

std::optional<Text> CitizenId(std::string_view value, time::Date today) {
  const auto check = codes::CheckCitizenId(value, today);
  if (!check.valid) return Reason(check.reason_zh, "must be a valid citizen ID number", check.reason_en);
  if (check.normalized != value) return NotNormalised("公民身份号码（末位 X）", "the citizen ID number (a final X)");
  return std::nullopt;
}

// 6 digits (province xx0000, city xxyy00, county xxyyzz) or 9 (a street or township: its
// county's 6 and 3 more, not 000), in a real province. Whether the exact code exists needs the
// division table, which a schema does not have; the catalogue checks that where it matters.
std::optional<Text> DivisionCode(std::string_view value, time::Date) {
  const bool ok = (value.size() == 6 || value.size() == 9) && AllDigits(value) &&
                  codes::IsProvinceCode(value.substr(0, 2)) &&
                  (value.size() == 6 || value.substr(6) != "000");
  if (ok) return std::nullopt;
  return Text{"应为 6 位或 9 位行政区划代码，前两位为省级代码（如 370211、370211001）",
              "must be a 6- or 9-digit administrative division code starting with a province's two digits "
              "(as 370211, 370211001)"};
}

// A mobile number (1, then 3-9, then 9 digits) or a landline with its area code (0 and 2-3
// digits, '-', 7-8 digits): 13812345678, 010-12345678, 0532-8888666.
std::optional<Text> PhoneCn(std::string_view value, time::Date) {
  bool ok = false;
  if (value.size() == 11 && value[0] == '1' && value[1] >= '3' && value[1] <= '9' && AllDigits(value)) {
    ok = true;
  } else if (const auto dash = value.find('-'); dash != std::string_view::npos && value[0] == '0') {
    const std::string_view area = value.substr(0, dash), number = value.substr(dash + 1);
    ok = (area.size() == 3 || area.size() == 4) && AllDigits(area) && (number.size() == 7 || number.size() == 8) &&
         AllDigits(number);
  }
  if (ok) return std::nullopt;
  return Text{"应为手机号（11 位，1 开头）或带区号的固定电话（如 0532-88886666）",
              "must be a mobile number (11 digits starting with 1) or a landline with its area code "
              "(as 0532-88886666)"};
}

constexpr std::array<Format, 7> kFormats = {{
    {"date", Date, false},
    {"date-time", DateTime, false},
    {"email", Email, false},
    {"credit-code", CreditCode, false},
    {"citizen-id", CitizenId, true},
    {"division-code", DivisionCode, false},
    {"phone-cn", PhoneCn, false},
}};

}  // namespace

const Format* FindFormat(std::string_view name) {
  for (const auto& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
}

std::string KnownFormatNames() {
  std::string out;
  for (const auto& f : kFormats) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

}  // namespace tongban::schema::internal
