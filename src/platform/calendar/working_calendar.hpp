#pragma once
// Working days 工作日 (DOMAIN.md, "Working days"): weekends and official holidays excluded,
// adjusted working weekends (调休补班) included. Legal time limits count in these.
//
// Built from consecutive loaded years (the shipped data/holidays/CN-YYYY.json, and any year an
// administrator adds) plus an administrator's overrides on top, with a version number the owner
// chooses (e.g. the latest override's revision) so cached deadlines can say which calendar made
// them. Every query is O(1): the build precomputes a running count of working days over the
// loaded range, and beyond it the weekday rule is a closed formula.
//
// Loaded and not loaded:
//  - A direct question about a day outside the loaded years (IsWorkingDay, Describe) is an error,
//    never a guess: tongban::Error 422 "calendar.year_not_loaded".
//  - Arithmetic that runs past them (AddWorkingDays, WorkingDaysBetween, Deadline) counts those
//    days by the weekday rule alone and marks the answer provisional; it is recomputed once the
//    year is loaded.
//
// Counting convention: a span (a, b] — the start day itself never counts, as a clock starts the
// working day after acceptance.
//
// Immutable after Build: const calls are safe from any thread. To change overrides, build a new
// calendar (WithOverrides) and swap a shared_ptr to it.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/calendar/schedule.hpp"
#include "platform/time/date.hpp"

namespace tongban::calendar {

// How a loaded day stands.
enum class DayType : std::uint8_t {
  kWorkday,          // Monday-Friday, nothing special
  kWeekend,          // Saturday or Sunday, nothing special
  kHoliday,          // an official holiday (or an override making it one)
  kAdjustedWorkday,  // a working weekend day (调休补班), or an override making a day a workday
};

struct DayInfo {
  bool working = false;
  DayType type = DayType::kWorkday;
  std::string name;  // the holiday's or adjusted day's name; "" for plain days
  std::string name_en;
  bool overridden = false;  // set by an administrator's override rather than the schedule
};

struct DateResult {
  time::Date date;
  bool provisional = false;  // some counted day lies outside the loaded years
};

struct CountResult {
  std::int64_t days = 0;
  bool provisional = false;
};

// Days a clock stood still, both ends included.
struct SuspendedInterval {
  time::Date from;
  time::Date to;
};

struct DeadlineResult {
  time::Date date;
  bool provisional = false;
  // Working days inside the suspensions, between the start and the deadline, that the deadline
  // was pushed back by.
  std::int64_t suspended_working_days = 0;
};

class WorkingCalendar {
 public:
  // No years loaded: every direct question is an error, every computation provisional.
  WorkingCalendar() = default;

  // Builds a calendar. `years` must be consecutive and each year listed once; their special
  // days must lie in their own year. `overrides` apply in order on top (a later override of the
  // same date wins) and must fall in a loaded year. Throws tongban::Error 422:
  // "calendar.years_not_consecutive", "calendar.duplicate_year", "calendar.day_outside_year",
  // "calendar.year_not_loaded" (an override outside the years).
  static WorkingCalendar Build(std::vector<YearSchedule> years,
                               std::vector<SpecialDay> overrides = {}, std::int64_t version = 0);

  // Build(LoadHolidayFiles(dir, "CN")); throws as both do.
  static WorkingCalendar LoadFromDirectory(const std::filesystem::path& dir);

  // The same years with `overrides` (replacing, not adding to, this calendar's) and `version`.
  WorkingCalendar WithOverrides(std::vector<SpecialDay> overrides, std::int64_t version) const;

  // Throws Error 422 "calendar.year_not_loaded" when `day` is outside the loaded years.
  bool IsWorkingDay(time::Date day) const;
  DayInfo Describe(time::Date day) const;

  // The n-th working day after `start` (start itself never counts, whatever it is):
  // n = 1 is the next working day. n = 0 returns `start` unchanged, not provisional (an immediate
  // item, 即办件, is due the day it is accepted). n < 0 counts back: n = -1 is the last working
  // day before `start`.
  DateResult AddWorkingDays(time::Date start, std::int64_t n) const;

  // Working days in (a, b]: after a, up to and including b. Negative when b < a (minus the
  // working days in (b, a]); 0 when equal.
  CountResult WorkingDaysBetween(time::Date a, time::Date b) const;

  // The due date of a clock of `n` working days started on `start` (counting as AddWorkingDays
  // does), pushed back by every working day inside `suspended` (in any order; overlaps merge;
  // days on or before `start` are ignored). An ongoing suspension is passed with `to` = the last
  // day it has covered so far. n = 0 returns `start`. Throws Error 422 "calendar.bad_interval"
  // when an interval ends before it starts, and "calendar.negative_limit" when n < 0.
  DeadlineResult Deadline(time::Date start, std::int64_t n,
                          std::span<const SuspendedInterval> suspended = {}) const;

  // True when `day` lies in a loaded year.
  bool IsLoaded(time::Date day) const;
  bool empty() const { return years_.empty(); }
  // The loaded years, first and last; 0 when empty().
  int first_year() const { return years_.empty() ? 0 : years_.front().year; }
  int last_year() const { return years_.empty() ? 0 : years_.back().year; }
  std::int64_t version() const { return version_; }
  // What the calendar was built from, to rebuild it with a year more or other overrides.
  const std::vector<YearSchedule>& years() const { return years_; }
  const std::vector<SpecialDay>& overrides() const { return overrides_; }

 private:
  struct Names {
    std::string zh;
    std::string en;
    bool overridden = false;
  };

  // Running count of working days up to and including `serial`, defined on all serials (the
  // weekday rule outside the loaded range), so that G(b) - G(a) counts (a, b].
  std::int64_t Count(std::int64_t serial) const;
  // The working day whose Count is `count`.
  std::int64_t DayWithCount(std::int64_t count) const;
  // True when every day of [from, to] is loaded (true for an empty span).
  bool Covers(std::int64_t from, std::int64_t to) const;
  void ThrowIfNotLoaded(time::Date day) const;

  std::vector<YearSchedule> years_;
  std::vector<SpecialDay> overrides_;
  std::int64_t version_ = 0;

  std::int64_t first_ = 0;             // serial of the first loaded day
  std::int64_t last_ = -1;             // serial of the last loaded day; < first_ when empty
  std::vector<DayType> types_;         // per loaded day
  std::vector<std::int32_t> prefix_;   // prefix_[i]: working days among the first i days
  std::vector<std::int32_t> working_;  // offsets of the loaded working days, in order
  std::unordered_map<std::int64_t, Names> names_;  // by serial, for special days
};

}  // namespace tongban::calendar
