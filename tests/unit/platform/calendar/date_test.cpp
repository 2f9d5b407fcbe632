#include "platform/time/date.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tongban::time {
namespace {

TEST(Date, ParsesExactlyYyyyMmDd) {
  const std::vector<std::string> good = {"2026-02-28", "2024-02-29", "2000-02-29", "1970-01-01",
                                         "0000-01-01", "9999-12-31", "2026-12-31"};
  for (const auto& s : good) {
    const auto d = Date::Parse(s);
    ASSERT_TRUE(d) << s;
    EXPECT_EQ(d->ToString(), s);
  }
}

TEST(Date, RefusesImpossibleAndMisshapenDates) {
  const std::vector<std::string> bad = {
      "2026-02-29", "2026-02-30", "1900-02-29",       "2026-04-31", "2026-13-01",  "2026-00-10",
      "2026-01-00", "2026-01-32", "2026-2-3",         "2026-02-3",  " 2026-02-03", "2026-02-03 ",
      "2026/02/03", "20260203",   "2026-02-03T00:00", "",           "abcd-ef-gh",  "+026-02-03",
      "2026-0a-03", "-001-01-01", "２０２６-02-03"};
  for (const auto& s : bad) EXPECT_FALSE(Date::Parse(s)) << s;
}

TEST(Date, ValidatesCivilDates) {
  EXPECT_TRUE(IsValidDate(2024, 2, 29));
  EXPECT_FALSE(IsValidDate(2023, 2, 29));
  EXPECT_FALSE(IsValidDate(2100, 2, 29));
  EXPECT_TRUE(IsValidDate(2400, 2, 29));
  EXPECT_FALSE(IsValidDate(2026, 6, 31));
  EXPECT_FALSE(IsValidDate(-1, 1, 1));
  EXPECT_FALSE(IsValidDate(10000, 1, 1));
  EXPECT_EQ(DaysInMonth(2026, 2), 28);
  EXPECT_EQ(DaysInMonth(2026, 13), 0);
}

TEST(Date, SerialNumbersAreDaysSince1970) {
  struct Case {
    std::string date;
    std::int64_t serial;
    int weekday;
  };
  const std::vector<Case> cases = {
      {"1970-01-01", 0, 4},       {"1969-12-31", -1, 3},    {"2000-03-01", 11017, 3},
      {"2020-01-01", 18262, 3},   {"2026-10-01", 20727, 4}, {"2026-11-23", 20780, 1},
      {"0000-03-01", -719468, 3}, {"2026-10-04", 20730, 7},
  };
  for (const auto& c : cases) {
    const auto d = *Date::Parse(c.date);
    EXPECT_EQ(d.serial(), c.serial) << c.date;
    EXPECT_EQ(d.Weekday(), c.weekday) << c.date;
    EXPECT_EQ(Date::FromSerial(c.serial), d) << c.date;
  }
}

TEST(Date, RoundTripsEveryDayOfFourCenturies) {
  // 1900-01-01 .. 2299-12-31 covers the 100- and 400-year leap rules both ways.
  const auto first = *Date::FromCivil(1900, 1, 1);
  const auto last = *Date::FromCivil(2299, 12, 31);
  int expected_weekday = first.Weekday();
  Date prev = first.AddDays(-1);
  for (auto s = first.serial(); s <= last.serial(); ++s) {
    const Date d = Date::FromSerial(s);
    ASSERT_TRUE(IsValidDate(d.year(), d.month(), d.day())) << s;
    ASSERT_EQ(Date::FromCivil(d.year(), d.month(), d.day())->serial(), s);
    ASSERT_EQ(d.Weekday(), expected_weekday) << d.ToString();
    ASSERT_LT(prev, d);
    expected_weekday = expected_weekday % 7 + 1;
    prev = d;
  }
}

TEST(Date, AddsDaysAndCompares) {
  const auto d = *Date::Parse("2024-02-28");
  EXPECT_EQ(d.AddDays(1).ToString(), "2024-02-29");
  EXPECT_EQ(d.AddDays(2).ToString(), "2024-03-01");
  EXPECT_EQ(d.AddDays(-59).ToString(), "2023-12-31");
  EXPECT_EQ(d.AddDays(366).ToString(), "2025-02-28");
  EXPECT_EQ(d.AddDays(10).DaysSince(d), 10);
  EXPECT_LT(d, d.AddDays(1));
  EXPECT_GT(d, d.AddDays(-1));
  EXPECT_EQ(d, *Date::FromCivil(2024, 2, 28));
  EXPECT_NE(d, d.AddDays(1));
  EXPECT_TRUE(Date::Parse("2026-10-03")->IsWeekend());
  EXPECT_FALSE(Date::Parse("2026-10-02")->IsWeekend());
  EXPECT_EQ(Date().ToString(), "1970-01-01");
}

}  // namespace
}  // namespace tongban::time
