#pragma once
// A civil date in the proleptic Gregorian calendar, with no time and no zone: what a business date
// (an Asia/Shanghai date, see clock.hpp's ShanghaiDate) is once the instant has been placed in a
// day. Used by platform/calendar for working days and by platform/codes for birth dates.
//
// Held as a serial day number (days since 1970-01-01, negative before), so ordering, differences
// and AddDays are integer arithmetic. Supported years: 0..9999, the years Parse accepts and
// ToString prints as four digits; arithmetic that leaves that span is a caller bug.
//
// A Date is a small value type: copy it freely; all members are const and thread-safe.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tongban::time {

// True when year-month-day names a real day (month 1..12, day within the month, leap years by the
// Gregorian rule), for years 0..9999.
bool IsValidDate(int year, int month, int day);
bool IsLeapYear(int year);
// Days in the month (28..31); 0 when month is outside 1..12.
int DaysInMonth(int year, int month);

class Date {
 public:
  // 1970-01-01. Present so Date can sit in containers; prefer the named constructors.
  constexpr Date() = default;

  // Exactly "YYYY-MM-DD": ten characters, ASCII digits, '-' at positions 5 and 8, a real date.
  // nullopt for anything else ("2026-02-30", "2026-2-3", " 2026-02-03", "2026-02-03T00:00").
  static std::optional<Date> Parse(std::string_view text);
  // nullopt when IsValidDate(year, month, day) is false.
  static std::optional<Date> FromCivil(int year, int month, int day);
  // The date `days` after 1970-01-01 (before it when negative).
  static Date FromSerial(std::int64_t days);

  // "YYYY-MM-DD".
  std::string ToString() const;

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  // Days since 1970-01-01 (Howard Hinnant's days_from_civil).
  std::int64_t serial() const { return serial_; }

  // The date `days` later (earlier when negative).
  Date AddDays(std::int64_t days) const { return FromSerial(serial_ + days); }
  // ISO 8601 weekday: Monday = 1 … Sunday = 7.
  int Weekday() const;
  bool IsWeekend() const { return Weekday() >= 6; }
  // Days from `other` to this date (positive when this date is later).
  std::int64_t DaysSince(const Date& other) const { return serial_ - other.serial_; }

  friend bool operator==(const Date& a, const Date& b) { return a.serial_ == b.serial_; }
  friend std::strong_ordering operator<=>(const Date& a, const Date& b) {
    return a.serial_ <=> b.serial_;
  }

 private:
  Date(std::int64_t serial, int year, int month, int day)
      : serial_(serial), year_(year), month_(month), day_(day) {}

  std::int64_t serial_ = 0;
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

}  // namespace tongban::time
