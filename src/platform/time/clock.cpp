#include "platform/time/clock.hpp"

#include <cctype>
#include <cstdio>

#include <fmt/format.h>

namespace tongban::time {

using namespace std::chrono;

Instant SystemClock::Now() const { return time_point_cast<microseconds>(system_clock::now()); }

ManualClock::ManualClock() : ManualClock(SystemClock().Now()) {}
ManualClock::ManualClock(Instant start) : micros_since_epoch_(ToMicros(start)) {}
Instant ManualClock::Now() const { return FromMicros(micros_since_epoch_.load()); }
void ManualClock::Set(Instant now) { micros_since_epoch_.store(ToMicros(now)); }
void ManualClock::Advance(microseconds by) { micros_since_epoch_.fetch_add(by.count()); }

std::int64_t ToMicros(Instant t) { return t.time_since_epoch().count(); }
Instant FromMicros(std::int64_t micros) { return Instant(microseconds(micros)); }

std::string FormatRfc3339(Instant t) {
  const auto local = t + kShanghaiOffset;
  const auto day = floor<days>(local);
  const year_month_day ymd{day};
  const hh_mm_ss hms{local - day};
  const auto millis = duration_cast<milliseconds>(hms.subseconds()).count();
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", int(ymd.year()),
                                unsigned(ymd.month()), unsigned(ymd.day()), hms.hours().count(),
                                hms.minutes().count(), hms.seconds().count());
  if (millis != 0) out += fmt::format(".{:03}", millis);
  return out + "+08:00";
}

std::string ShanghaiDate(Instant t) {
  const year_month_day ymd{floor<days>(t + kShanghaiOffset)};
  return fmt::format("{:04}-{:02}-{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

namespace {
bool ReadDigits(std::string_view s, std::size_t& pos, int count, int& out) {
  out = 0;
  for (int i = 0; i < count; ++i, ++pos) {
    if (pos >= s.size() || !std::isdigit(static_cast<unsigned char>(s[pos]))) return false;
    out = out * 10 + (s[pos] - '0');
  }
  return true;
}
bool Expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}
}  // namespace

std::optional<Instant> ParseRfc3339(std::string_view s) {
  std::size_t pos = 0;
  int y, mo, d, h, mi, sec;
  if (!ReadDigits(s, pos, 4, y) || !Expect(s, pos, '-') || !ReadDigits(s, pos, 2, mo) ||
      !Expect(s, pos, '-') || !ReadDigits(s, pos, 2, d))
    return std::nullopt;
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return std::nullopt;
  ++pos;
  if (!ReadDigits(s, pos, 2, h) || !Expect(s, pos, ':') || !ReadDigits(s, pos, 2, mi) ||
      !Expect(s, pos, ':') || !ReadDigits(s, pos, 2, sec))
    return std::nullopt;
  std::int64_t micros = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      if (digits < 6) micros = micros * 10 + (s[pos] - '0');
      ++digits, ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 6; ++i) micros *= 10;
  }
  int offset_minutes = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    const int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int oh, om;
    if (!ReadDigits(s, pos, 2, oh) || !Expect(s, pos, ':') || !ReadDigits(s, pos, 2, om) || oh > 23 ||
        om > 59)
      return std::nullopt;
    offset_minutes = sign * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  const auto local = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} + microseconds{micros};
  return Instant(local - minutes{offset_minutes});
}

}  // namespace tongban::time
