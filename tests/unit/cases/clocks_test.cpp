// How a clock stands on a given day: green, yellow within the warning days, red once overdue,
// paused while suspended, and a stopped clock judged on the day it stopped.
#include <gtest/gtest.h>

#include "cases/clocks.hpp"
#include "platform/codes/test_data_dir.hpp"

namespace tongban::cases {
namespace {

const calendar::WorkingCalendar& Calendar() {
  static const auto kCal = calendar::WorkingCalendar::LoadFromDirectory(testing::TestDataDir() / "holidays");
  return kCal;
}

time::Date D(const char* text) { return *time::Date::Parse(text); }

Clock Running(const char* started, int limit) {
  Clock c;
  c.kind = "decision";
  c.started_on = started;
  c.limit_days = limit;
  c.due_on = Calendar().Deadline(D(started), limit).date.ToString();
  c.state = "running";
  return c;
}

TEST(Clocks, AcceptedBeforeNationalDayIsDueAfterIt) {
  // 2026-09-30 + 5 working days: 10-01..07 are holidays, 10-10 (Saturday) is a working day.
  EXPECT_EQ(Running("2026-09-30", 5).due_on, "2026-10-13");
}

TEST(Clocks, GreenYellowRed) {
  const auto c = Running("2026-09-30", 5);
  auto s = clocks::StandingOf(Calendar(), c, D("2026-09-30"), 2);
  EXPECT_EQ(s.colour, "green");
  EXPECT_EQ(s.days_left, 5);
  s = clocks::StandingOf(Calendar(), c, D("2026-10-09"), 2);  // Friday: 10-10 and 10-12, 10-13 left
  EXPECT_EQ(s.days_left, 3);
  EXPECT_EQ(s.colour, "green");
  s = clocks::StandingOf(Calendar(), c, D("2026-10-11"), 2);  // Sunday: 10-12, 10-13 left
  EXPECT_EQ(s.days_left, 2);
  EXPECT_EQ(s.colour, "yellow");
  s = clocks::StandingOf(Calendar(), c, D("2026-10-13"), 2);
  EXPECT_EQ(s.days_left, 0);
  EXPECT_EQ(s.colour, "yellow");
  s = clocks::StandingOf(Calendar(), c, D("2026-10-14"), 2);
  EXPECT_EQ(s.colour, "red");
  EXPECT_EQ(s.days_left, -1);
}

TEST(Clocks, SuspendedIsPaused) {
  auto c = Running("2026-11-02", 10);
  c.state = "suspended";
  EXPECT_EQ(clocks::StandingOf(Calendar(), c, D("2026-12-30"), 2).colour, "paused");
}

TEST(Clocks, StoppedIsJudgedWhenItStopped) {
  auto c = Running("2026-11-02", 3);  // due 2026-11-05
  c.state = "stopped";
  c.stopped_on = "2026-11-05";
  EXPECT_EQ(clocks::StandingOf(Calendar(), c, D("2027-01-01"), 2).colour, "green");
  c.stopped_on = "2026-11-06";
  const auto late = clocks::StandingOf(Calendar(), c, D("2027-01-01"), 2);
  EXPECT_EQ(late.colour, "red");
  EXPECT_EQ(late.days_left, -1);
}

TEST(Clocks, SuspensionPushesTheDueDateByTheWorkingDaysItCovered) {
  // The calendar arithmetic Resume relies on: a week's suspension (five working days) moves the due
  // date five working days on.
  const std::vector<calendar::SuspendedInterval> stood = {{D("2026-11-09"), D("2026-11-13")}};
  EXPECT_EQ(Calendar().Deadline(D("2026-11-02"), 10).date.ToString(), "2026-11-16");
  const auto pushed = Calendar().Deadline(D("2026-11-02"), 10, stood);
  EXPECT_EQ(pushed.date.ToString(), "2026-11-23");
  EXPECT_EQ(pushed.suspended_working_days, 5);
}

}  // namespace
}  // namespace tongban::cases
