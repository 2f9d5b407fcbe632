#include "platform/calendar/working_calendar.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "platform/calendar/holiday_file.hpp"
#include "platform/codes/test_data_dir.hpp"
#include "platform/errors/error.hpp"

namespace tongban::calendar {
namespace {

using time::Date;

Date D(const char* text) {
  const auto d = Date::Parse(text);
  if (!d) throw std::invalid_argument(text);
  return *d;
}

class WorkingCalendarTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto dir = testing::TestDataDir();
    ASSERT_FALSE(dir.empty())
        << "no data/holidays above the working directory; set TONGBAN_DATA_DIR";
    cal_ = new WorkingCalendar(WorkingCalendar::LoadFromDirectory(dir / "holidays"));
  }
  static void TearDownTestSuite() {
    delete cal_;
    cal_ = nullptr;
  }
  static const WorkingCalendar& cal() { return *cal_; }

 private:
  static WorkingCalendar* cal_;
};
WorkingCalendar* WorkingCalendarTest::cal_ = nullptr;

TEST_F(WorkingCalendarTest, LoadsTheShippedYears) {
  EXPECT_EQ(cal().first_year(), 2020);
  EXPECT_GE(cal().last_year(), 2026);
  EXPECT_EQ(cal().version(), 0);
}

TEST_F(WorkingCalendarTest, KnowsWorkingDays) {
  struct Case {
    const char* date;
    bool working;
  };
  const std::vector<Case> cases = {
      {"2026-09-30", true},   // Wednesday before National Day
      {"2026-10-01", false},  // 国庆节
      {"2026-10-07", false},
      {"2026-10-08", true},
      {"2026-10-10", true},   // Saturday, 国庆节补班
      {"2026-10-11", false},  // plain Sunday
      {"2026-09-20", true},   // Sunday, 国庆节补班
      {"2026-09-25", false},  // 中秋节, a Friday
      {"2026-02-14", true},   // Saturday, 春节补班
      {"2026-02-23", false},  // 春节, a Monday
      {"2026-01-04", true},   // Sunday, 元旦补班
      // 国办发明电〔2020〕1号 extended the 2020 Spring Festival holiday to 2 February.
      {"2020-01-30", false},
      {"2020-01-31", false},
      {"2020-02-01", false},  // was to be an adjusted working Saturday
      {"2020-02-02", false},
      {"2020-02-03", true},
      {"2020-01-19", true},   // the Spring Festival adjusted Sunday, already worked
      {"2022-12-31", false},  // the 2023 New Year holiday began in 2022
      {"2023-01-02", false},
      {"2023-01-03", true},
      {"2024-02-29", true},
  };
  for (const auto& c : cases) EXPECT_EQ(cal().IsWorkingDay(D(c.date)), c.working) << c.date;
}

TEST_F(WorkingCalendarTest, DescribesDays) {
  auto info = cal().Describe(D("2026-10-01"));
  EXPECT_FALSE(info.working);
  EXPECT_EQ(info.type, DayType::kHoliday);
  EXPECT_EQ(info.name, "国庆节");
  EXPECT_EQ(info.name_en, "National Day");
  EXPECT_FALSE(info.overridden);
  info = cal().Describe(D("2026-10-10"));
  EXPECT_TRUE(info.working);
  EXPECT_EQ(info.type, DayType::kAdjustedWorkday);
  info = cal().Describe(D("2026-10-11"));
  EXPECT_EQ(info.type, DayType::kWeekend);
  EXPECT_EQ(info.name, "");
  EXPECT_EQ(cal().Describe(D("2026-10-12")).type, DayType::kWorkday);
}

TEST_F(WorkingCalendarTest, RefusesQuestionsAboutUnloadedYears) {
  for (const char* date : {"2019-12-31", "2027-01-01", "1999-06-01"}) {
    try {
      cal().IsWorkingDay(D(date));
      ADD_FAILURE() << date << " answered";
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 422) << date;
      EXPECT_EQ(e.code(), "calendar.year_not_loaded") << date;
      EXPECT_NE(e.message_zh().find("尚未加载"), std::string::npos);
      EXPECT_NE(e.message_en().find("not loaded"), std::string::npos);
      EXPECT_EQ(e.details().at("loaded_from"), 2020);
    }
    EXPECT_THROW(cal().Describe(D(date)), Error) << date;
    EXPECT_FALSE(cal().IsLoaded(D(date)));
  }
}

struct AddCase {
  const char* start;
  std::int64_t n;
  const char* expected;
  bool provisional;
};

TEST_F(WorkingCalendarTest, AddsWorkingDays) {
  const std::vector<AddCase> cases = {
      // Across National Day 2026: 10-08 (1), 10-09 (2), 10-10 adjusted Saturday (3), 10-12 (4),
      // 10-13 (5).
      {"2026-09-30", 5, "2026-10-13", false},
      {"2026-09-30", 1, "2026-10-08", false},
      {"2026-09-30", 3, "2026-10-10", false},
      {"2026-10-03", 1, "2026-10-08", false},  // from inside the holiday
      {"2026-09-19", 1, "2026-09-20", false},  // to an adjusted Sunday
      {"2026-09-30", 0, "2026-09-30", false},
      {"2026-10-03", 0, "2026-10-03", false},  // n = 0 is the start, even on a holiday
      {"2026-10-08", -1, "2026-09-30", false},
      {"2026-10-13", -5, "2026-09-30", false},
      {"2026-10-12", -1, "2026-10-10", false},
      // 2020: 01-23 (Thu) then the extended holiday to 02-02.
      {"2020-01-22", 1, "2020-01-23", false},
      {"2020-01-23", 1, "2020-02-03", false},
      // 20 working days, the statutory licensing limit, from a Friday in 2026.
      {"2026-09-18", 20, "2026-10-22", false},
      // Beyond the loaded years: weekends only, provisional. 2027-01-01 counts as a weekday.
      {"2026-12-28", 10, "2027-01-11", true},
      {"2026-12-30", 1, "2026-12-31", false},
      {"2026-12-31", 1, "2027-01-01", true},
      {"2027-03-05", 1, "2027-03-08", true},
      // Before them too: 2019-12-31 counted by the weekday rule.
      {"2019-12-30", 3, "2020-01-03", true},
      {"2019-12-31", 1, "2020-01-02", false},
      {"2020-01-02", -1, "2019-12-31", true},
      {"2020-01-02", -2, "2019-12-30", true},
  };
  for (const auto& c : cases) {
    const auto r = cal().AddWorkingDays(D(c.start), c.n);
    EXPECT_EQ(r.date.ToString(), c.expected) << c.start << " + " << c.n;
    EXPECT_EQ(r.provisional, c.provisional) << c.start << " + " << c.n;
  }
}

// Day-by-day reference: working by the calendar when loaded, by the weekday rule otherwise.
bool NaiveWorking(const WorkingCalendar& cal, Date d) {
  return cal.IsLoaded(d) ? cal.IsWorkingDay(d) : !d.IsWeekend();
}

Date NaiveAdd(const WorkingCalendar& cal, Date start, std::int64_t n) {
  Date d = start;
  while (n > 0) {
    d = d.AddDays(1);
    if (NaiveWorking(cal, d)) --n;
  }
  while (n < 0) {
    d = d.AddDays(-1);
    if (NaiveWorking(cal, d)) ++n;
  }
  return d;
}

TEST_F(WorkingCalendarTest, AgreesWithADayByDayWalkEverywhere) {
  const Date first = D("2019-11-01");
  const Date last = D("2027-02-28");
  for (Date d = first; d <= last; d = d.AddDays(1)) {
    for (std::int64_t n : {1, 2, 5, 7, 20, 45, -1, -5, -20}) {
      const auto r = cal().AddWorkingDays(d, n);
      ASSERT_EQ(r.date, NaiveAdd(cal(), d, n)) << d.ToString() << " + " << n;
      const Date lo = n > 0 ? d.AddDays(1) : r.date;
      const Date hi = n > 0 ? r.date : d.AddDays(-1);
      ASSERT_EQ(r.provisional, !(cal().IsLoaded(lo) && cal().IsLoaded(hi)))
          << d.ToString() << " + " << n;
      if (n > 0) {
        // (start, result] holds exactly n working days.
        const auto between = cal().WorkingDaysBetween(d, r.date);
        ASSERT_EQ(between.days, n) << d.ToString() << " + " << n;
        ASSERT_EQ(between.provisional, r.provisional) << d.ToString() << " + " << n;
      } else {
        // [result, start) holds exactly -n, the result itself among them.
        ASSERT_EQ(cal().WorkingDaysBetween(r.date.AddDays(-1), d.AddDays(-1)).days, -n)
            << d.ToString() << " + " << n;
      }
    }
  }
}

TEST_F(WorkingCalendarTest, CountsWorkingDaysBetween) {
  struct Case {
    const char* a;
    const char* b;
    std::int64_t days;
    bool provisional;
  };
  const std::vector<Case> cases = {
      {"2026-09-30", "2026-10-13", 5, false}, {"2026-10-13", "2026-09-30", -5, false},
      {"2026-09-30", "2026-09-30", 0, false}, {"2026-10-01", "2026-10-07", 0, false},
      {"2026-12-31", "2027-01-08", 6, true},  {"2019-12-31", "2020-01-03", 2, false},
      {"2019-12-30", "2020-01-03", 3, true},
  };
  for (const auto& c : cases) {
    const auto r = cal().WorkingDaysBetween(D(c.a), D(c.b));
    EXPECT_EQ(r.days, c.days) << c.a << " .. " << c.b;
    EXPECT_EQ(r.provisional, c.provisional) << c.a << " .. " << c.b;
  }
  // A whole year equals the day-by-day count.
  for (int y = 2020; y <= 2026; ++y) {
    const Date before = *Date::FromCivil(y - 1, 12, 31);
    const Date end = *Date::FromCivil(y, 12, 31);
    std::int64_t naive = 0;
    for (Date d = before.AddDays(1); d <= end; d = d.AddDays(1)) naive += cal().IsWorkingDay(d);
    EXPECT_EQ(cal().WorkingDaysBetween(before, end).days, naive) << y;
    EXPECT_GT(naive, 240) << y;
    EXPECT_LT(naive, 255) << y;
  }
}

struct DeadlineCase {
  const char* name;
  const char* start;
  std::int64_t n;
  std::vector<std::pair<const char*, const char*>> suspended;
  const char* expected;
  std::int64_t suspended_working_days;
  bool provisional;
};

TEST_F(WorkingCalendarTest, ExtendsDeadlinesBySuspendedWorkingDays) {
  const std::vector<DeadlineCase> cases = {
      {"no suspension", "2026-09-30", 5, {}, "2026-10-13", 0, false},
      {"immediate item", "2026-09-30", 0, {{"2026-10-08", "2026-10-09"}}, "2026-09-30", 0, false},
      {"two working days", "2026-09-30", 5, {{"2026-10-08", "2026-10-09"}}, "2026-10-15", 2, false},
      {"inside the holiday only",
       "2026-09-30",
       5,
       {{"2026-10-02", "2026-10-06"}},
       "2026-10-13",
       0,
       false},
      {"after the deadline",
       "2026-09-30",
       5,
       {{"2026-10-14", "2026-10-20"}},
       "2026-10-13",
       0,
       false},
      {"ending on the deadline",
       "2026-09-30",
       5,
       {{"2026-10-13", "2026-10-13"}},
       "2026-10-14",
       1,
       false},
      {"reaching past the first deadline",
       "2026-09-30",
       5,
       {{"2026-10-12", "2026-10-16"}},
       "2026-10-20",
       5,
       false},
      {"overlapping, unordered",
       "2026-09-30",
       5,
       {{"2026-10-12", "2026-10-13"}, {"2026-10-08", "2026-10-12"}},
       "2026-10-20",
       5,
       false},
      {"before the start is ignored",
       "2026-10-08",
       1,
       {{"2026-09-01", "2026-10-08"}},
       "2026-10-09",
       0,
       false},
      {"starting before, ending after the start",
       "2026-10-08",
       1,
       {{"2026-09-01", "2026-10-09"}},
       "2026-10-10",
       1,
       false},
      {"into the next year",
       "2026-12-20",
       10,
       {{"2026-12-28", "2026-12-31"}},
       "2027-01-07",
       4,
       true},
  };
  for (const auto& c : cases) {
    std::vector<SuspendedInterval> intervals;
    for (const auto& [from, to] : c.suspended) intervals.push_back({D(from), D(to)});
    const auto r = cal().Deadline(D(c.start), c.n, intervals);
    EXPECT_EQ(r.date.ToString(), c.expected) << c.name;
    EXPECT_EQ(r.suspended_working_days, c.suspended_working_days) << c.name;
    EXPECT_EQ(r.provisional, c.provisional) << c.name;
  }
}

TEST_F(WorkingCalendarTest, DeadlinesAgreeWithADayByDayWalk) {
  // Deterministic pseudo-random starts, limits and suspensions across the loaded years' edges.
  std::uint64_t x = 42;
  const auto next = [&x](std::uint64_t mod) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::int64_t>((x >> 33) % mod);
  };
  const Date base = D("2019-10-01");
  for (int round = 0; round < 3000; ++round) {
    const Date start = base.AddDays(next(2700));
    const std::int64_t n = next(60);
    std::vector<SuspendedInterval> intervals;
    for (int k = next(4); k > 0; --k) {
      const Date from = start.AddDays(next(90) - 10);
      intervals.push_back({from, from.AddDays(next(20))});
    }
    // Walk: count a working day only when no interval covers it.
    Date d = start;
    std::int64_t left = n;
    std::int64_t skipped = 0;
    while (left > 0) {
      d = d.AddDays(1);
      if (!NaiveWorking(cal(), d)) continue;
      bool covered = false;
      for (const auto& iv : intervals) covered = covered || (iv.from <= d && d <= iv.to);
      if (covered) {
        ++skipped;
      } else {
        --left;
      }
    }
    const auto r = cal().Deadline(start, n, intervals);
    ASSERT_EQ(r.date, d) << "round " << round << " start " << start.ToString() << " n " << n;
    ASSERT_EQ(r.suspended_working_days, skipped) << "round " << round;
  }
}

TEST_F(WorkingCalendarTest, RefusesBadDeadlineInput) {
  const std::vector<SuspendedInterval> backwards = {{D("2026-10-09"), D("2026-10-08")}};
  try {
    cal().Deadline(D("2026-09-30"), 5, backwards);
    ADD_FAILURE() << "accepted a backwards interval";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "calendar.bad_interval");
    EXPECT_EQ(e.status(), 422);
  }
  EXPECT_THROW(cal().Deadline(D("2026-09-30"), -1), Error);
}

TEST_F(WorkingCalendarTest, AppliesOverridesOnTopWithAVersion) {
  const std::vector<SpecialDay> overrides = {
      {D("2026-10-09"), DayKind::kHoliday, "临时休假", "Extra day off"},
      {D("2026-10-11"), DayKind::kWorkday, "补班", ""},
  };
  const WorkingCalendar changed = cal().WithOverrides(overrides, 7);
  EXPECT_EQ(changed.version(), 7);
  EXPECT_FALSE(changed.IsWorkingDay(D("2026-10-09")));
  EXPECT_TRUE(changed.IsWorkingDay(D("2026-10-11")));
  const auto info = changed.Describe(D("2026-10-09"));
  EXPECT_TRUE(info.overridden);
  EXPECT_EQ(info.name, "临时休假");
  // 10-08 (1), 10-10 (2), 10-11 (3), 10-12 (4), 10-13 (5).
  EXPECT_EQ(changed.AddWorkingDays(D("2026-09-30"), 5).date.ToString(), "2026-10-13");
  EXPECT_EQ(changed.AddWorkingDays(D("2026-09-30"), 2).date.ToString(), "2026-10-10");
  // The original is untouched, and a later override of the same date wins.
  EXPECT_TRUE(cal().IsWorkingDay(D("2026-10-09")));
  const WorkingCalendar twice = cal().WithOverrides({{D("2026-10-09"), DayKind::kHoliday, "a", ""},
                                                     {D("2026-10-09"), DayKind::kWorkday, "b", ""}},
                                                    8);
  EXPECT_TRUE(twice.IsWorkingDay(D("2026-10-09")));
  // An override can make an official holiday a working day.
  EXPECT_TRUE(cal()
                  .WithOverrides({{D("2026-10-01"), DayKind::kWorkday, "x", ""}}, 9)
                  .IsWorkingDay(D("2026-10-01")));
}

TEST_F(WorkingCalendarTest, RefusesOverridesOutsideTheLoadedYears) {
  try {
    cal().WithOverrides({{D("2027-01-01"), DayKind::kHoliday, "元旦", ""}}, 1);
    ADD_FAILURE() << "accepted an override in 2027";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.code(), "calendar.year_not_loaded");
  }
}

TEST_F(WorkingCalendarTest, AddingTheNextYearEndsProvisionalAnswers) {
  std::vector<YearSchedule> years = cal().years();
  const int next = years.back().year + 1;
  years.push_back({next, {{*Date::FromCivil(next, 1, 1), DayKind::kHoliday, "元旦", ""}}});
  const WorkingCalendar longer = WorkingCalendar::Build(years, {}, 2);
  const Date dec30 = *Date::FromCivil(next - 1, 12, 30);
  const auto before = cal().AddWorkingDays(dec30, 3);
  const auto after = longer.AddWorkingDays(dec30, 3);
  EXPECT_TRUE(before.provisional);
  EXPECT_FALSE(after.provisional);
  EXPECT_LT(before.date, after.date);  // New Year's Day no longer counts
  EXPECT_FALSE(longer.IsWorkingDay(*Date::FromCivil(next, 1, 1)));
}

TEST(WorkingCalendarBuild, RefusesBadSchedules) {
  struct Case {
    std::string code;
    std::vector<YearSchedule> years;
  };
  const std::vector<Case> cases = {
      {"calendar.years_not_consecutive", {{2024, {}}, {2026, {}}}},
      {"calendar.duplicate_year", {{2025, {}}, {2025, {}}}},
      {"calendar.day_outside_year", {{2025, {{D("2026-01-01"), DayKind::kHoliday, "", ""}}}}},
  };
  for (const auto& c : cases) {
    try {
      WorkingCalendar::Build(c.years);
      ADD_FAILURE() << c.code << ": built";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), c.code);
      EXPECT_EQ(e.status(), 422);
    }
  }
}

TEST(WorkingCalendarBuild, AnEmptyCalendarIsAllProvisional) {
  const WorkingCalendar empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_THROW(empty.IsWorkingDay(D("2026-01-05")), Error);
  const auto r = empty.AddWorkingDays(D("2026-10-02"), 1);  // Friday -> Monday
  EXPECT_EQ(r.date.ToString(), "2026-10-05");
  EXPECT_TRUE(r.provisional);
  EXPECT_EQ(empty.WorkingDaysBetween(D("2026-10-02"), D("2026-10-09")).days, 5);
}

TEST(WorkingCalendarBuild, LoadFailsLoudlyOnAMissingDirectory) {
  try {
    WorkingCalendar::LoadFromDirectory("/nonexistent/tongban/holidays");
    ADD_FAILURE() << "loaded";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 500);
    EXPECT_EQ(e.code(), "calendar.load_failed");
  }
}

TEST(HolidayFiles, ShipEveryYearFrom2020WithThe2020Extension) {
  const auto dir = testing::TestDataDir();
  ASSERT_FALSE(dir.empty());
  const auto years = LoadHolidayFiles(dir / "holidays");
  ASSERT_GE(years.size(), 7u);
  EXPECT_EQ(years.front().year, 2020);
  int extension_days = 0;
  for (const auto& d : years.front().days) {
    if (d.date >= D("2020-01-31") && d.date <= D("2020-02-02")) {
      EXPECT_EQ(d.kind, DayKind::kHoliday) << d.date.ToString();
      ++extension_days;
    }
  }
  EXPECT_EQ(extension_days, 3);
}

}  // namespace
}  // namespace tongban::calendar
