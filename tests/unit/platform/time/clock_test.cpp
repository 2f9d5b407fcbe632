#include "platform/time/clock.hpp"

#include <gtest/gtest.h>

namespace tongban::time {
namespace {

TEST(ClockTest, Rfc3339RoundTripsInShanghaiTime) {
  const auto t = ParseRfc3339("2026-11-22T16:30:00Z").value();
  EXPECT_EQ(FormatRfc3339(t), "2026-11-23T00:30:00+08:00");
  EXPECT_EQ(ShanghaiDate(t), "2026-11-23") << "a UTC evening is already tomorrow in Shanghai";
  EXPECT_EQ(ParseRfc3339("2026-11-23T00:30:00+08:00").value(), t);
  EXPECT_EQ(FormatRfc3339(ParseRfc3339("2026-01-01T00:00:00.250+08:00").value()), "2026-01-01T00:00:00.250+08:00");
}

TEST(ClockTest, RefusesMalformedTimes) {
  for (const char* bad : {"2026-11-23", "2026-02-30T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T10:00:00",
                          "2026-11-23T10:00:00+0800", "2026-11-23T10:00:00.Z", "yesterday"})
    EXPECT_FALSE(ParseRfc3339(bad).has_value()) << bad;
}

TEST(ClockTest, ManualClockStandsStillUntilMoved) {
  ManualClock clock(ParseRfc3339("2026-09-30T09:00:00+08:00").value());
  const auto a = clock.Now();
  EXPECT_EQ(clock.Now(), a);
  clock.Advance(std::chrono::hours(24));
  EXPECT_EQ(ShanghaiDate(clock.Now()), "2026-10-01");
}

}  // namespace
}  // namespace tongban::time
