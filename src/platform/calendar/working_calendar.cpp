#include "platform/calendar/working_calendar.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "platform/calendar/holiday_file.hpp"
#include "platform/calendar/weekday_rule.hpp"
#include "platform/errors/error.hpp"

namespace tongban::calendar {

namespace {

bool IsWorkingType(DayType t) { return t == DayType::kWorkday || t == DayType::kAdjustedWorkday; }

DayType TypeOf(DayKind kind) {
  return kind == DayKind::kHoliday ? DayType::kHoliday : DayType::kAdjustedWorkday;
}

std::int64_t Serial(int year, int month, int day) {
  return time::Date::FromCivil(year, month, day)->serial();
}

}  // namespace

WorkingCalendar WorkingCalendar::Build(std::vector<YearSchedule> years,
                                       std::vector<SpecialDay> overrides, std::int64_t version) {
  std::sort(years.begin(), years.end(),
            [](const YearSchedule& a, const YearSchedule& b) { return a.year < b.year; });
  for (std::size_t i = 1; i < years.size(); ++i) {
    if (years[i].year == years[i - 1].year) {
      throw Error::Unprocessable(
          "calendar.duplicate_year", fmt::format("{}年的节假日安排重复", years[i].year),
          fmt::format("The holiday schedule of {} is given twice", years[i].year));
    }
    // A gap would leave days inside the range that are neither loaded nor beyond it; refusing
    // it keeps "outside the loaded years" a simple range test.
    if (years[i].year != years[i - 1].year + 1) {
      throw Error::Unprocessable(
          "calendar.years_not_consecutive",
          fmt::format("节假日安排的年份须连续：{}年之后缺少{}年", years[i - 1].year,
                      years[i - 1].year + 1),
          fmt::format("Holiday schedules must cover consecutive years: {} is missing after {}",
                      years[i - 1].year + 1, years[i - 1].year));
    }
  }

  WorkingCalendar cal;
  cal.version_ = version;
  if (!years.empty()) {
    cal.first_ = Serial(years.front().year, 1, 1);
    cal.last_ = Serial(years.back().year, 12, 31);
  }
  const auto n = static_cast<std::size_t>(cal.last_ - cal.first_ + 1);
  cal.types_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    cal.types_[i] = time::Date::FromSerial(cal.first_ + static_cast<std::int64_t>(i)).IsWeekend()
                        ? DayType::kWeekend
                        : DayType::kWorkday;
  }

  for (const auto& y : years) {
    for (const auto& d : y.days) {
      if (d.date.year() != y.year) {
        throw Error::Unprocessable(
            "calendar.day_outside_year",
            fmt::format("{}不属于{}年的节假日安排", d.date.ToString(), y.year),
            fmt::format("{} is not a day of the {} schedule", d.date.ToString(), y.year));
      }
      const auto i = static_cast<std::size_t>(d.date.serial() - cal.first_);
      cal.types_[i] = TypeOf(d.kind);
      cal.names_[d.date.serial()] = Names{d.name, d.name_en, false};
    }
  }
  for (const auto& o : overrides) {
    if (!cal.IsLoaded(o.date)) {
      throw Error::Unprocessable(
          "calendar.year_not_loaded",
          fmt::format("{}年的节假日安排尚未加载，不能单独调整{}", o.date.year(), o.date.ToString()),
          fmt::format("The holiday schedule of {} is not loaded; {} cannot be overridden alone",
                      o.date.year(), o.date.ToString()));
    }
    const auto i = static_cast<std::size_t>(o.date.serial() - cal.first_);
    cal.types_[i] = TypeOf(o.kind);
    cal.names_[o.date.serial()] = Names{o.name, o.name_en, true};
  }

  cal.prefix_.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const bool working = IsWorkingType(cal.types_[i]);
    cal.prefix_[i + 1] = cal.prefix_[i] + (working ? 1 : 0);
    if (working) cal.working_.push_back(static_cast<std::int32_t>(i));
  }
  cal.years_ = std::move(years);
  cal.overrides_ = std::move(overrides);
  return cal;
}

WorkingCalendar WorkingCalendar::LoadFromDirectory(const std::filesystem::path& dir) {
  return Build(LoadHolidayFiles(dir, "CN"));
}

WorkingCalendar WorkingCalendar::WithOverrides(std::vector<SpecialDay> overrides,
                                               std::int64_t version) const {
  return Build(years_, std::move(overrides), version);
}

bool WorkingCalendar::IsLoaded(time::Date day) const {
  return day.serial() >= first_ && day.serial() <= last_;
}

void WorkingCalendar::ThrowIfNotLoaded(time::Date day) const {
  if (IsLoaded(day)) return;
  Error e = Error::Unprocessable(
      "calendar.year_not_loaded",
      fmt::format("{}年的节假日安排尚未加载，无法判断{}是否为工作日", day.year(), day.ToString()),
      fmt::format("The holiday schedule of {} is not loaded; whether {} is a working day is "
                  "unknown",
                  day.year(), day.ToString()));
  nlohmann::json details = {{"date", day.ToString()}, {"year", day.year()}};
  if (!empty()) {
    details["loaded_from"] = first_year();
    details["loaded_to"] = last_year();
  }
  e.WithDetails(std::move(details));
  throw e;
}

bool WorkingCalendar::IsWorkingDay(time::Date day) const {
  ThrowIfNotLoaded(day);
  return IsWorkingType(types_[static_cast<std::size_t>(day.serial() - first_)]);
}

DayInfo WorkingCalendar::Describe(time::Date day) const {
  ThrowIfNotLoaded(day);
  DayInfo info;
  info.type = types_[static_cast<std::size_t>(day.serial() - first_)];
  info.working = IsWorkingType(info.type);
  if (auto it = names_.find(day.serial()); it != names_.end()) {
    info.name = it->second.zh;
    info.name_en = it->second.en;
    info.overridden = it->second.overridden;
  }
  return info;
}

std::int64_t WorkingCalendar::Count(std::int64_t serial) const {
  using internal::WeekdayCount;
  if (last_ < first_) return WeekdayCount(serial);
  if (serial < first_) return WeekdayCount(serial) - WeekdayCount(first_ - 1);
  if (serial > last_) {
    return static_cast<std::int64_t>(working_.size()) + WeekdayCount(serial) - WeekdayCount(last_);
  }
  return prefix_[static_cast<std::size_t>(serial - first_ + 1)];
}

std::int64_t WorkingCalendar::DayWithCount(std::int64_t count) const {
  using internal::WeekdayCount;
  using internal::WeekdayWithCount;
  if (last_ < first_) return WeekdayWithCount(count);
  const auto total = static_cast<std::int64_t>(working_.size());
  if (count <= 0) return WeekdayWithCount(count + WeekdayCount(first_ - 1));
  if (count > total) return WeekdayWithCount(count - total + WeekdayCount(last_));
  return first_ + working_[static_cast<std::size_t>(count - 1)];
}

bool WorkingCalendar::Covers(std::int64_t from, std::int64_t to) const {
  return from > to || (from >= first_ && to <= last_);
}

DateResult WorkingCalendar::AddWorkingDays(time::Date start, std::int64_t n) const {
  const std::int64_t s = start.serial();
  if (n == 0) return {start, false};
  if (n > 0) {
    const std::int64_t day = DayWithCount(Count(s) + n);
    return {time::Date::FromSerial(day), !Covers(s + 1, day)};
  }
  // Counting back: the working days strictly before start are Count(s - 1).
  const std::int64_t day = DayWithCount(Count(s - 1) + n + 1);
  return {time::Date::FromSerial(day), !Covers(day, s - 1)};
}

CountResult WorkingCalendar::WorkingDaysBetween(time::Date a, time::Date b) const {
  const std::int64_t lo = std::min(a.serial(), b.serial());
  const std::int64_t hi = std::max(a.serial(), b.serial());
  return {Count(b.serial()) - Count(a.serial()), !Covers(lo + 1, hi)};
}

DeadlineResult WorkingCalendar::Deadline(time::Date start, std::int64_t n,
                                         std::span<const SuspendedInterval> suspended) const {
  if (n < 0) {
    throw Error::Unprocessable("calendar.negative_limit", "办理时限不能为负数",
                               "A time limit cannot be negative");
  }
  const std::int64_t s = start.serial();
  std::vector<std::pair<std::int64_t, std::int64_t>> spans;
  for (const auto& iv : suspended) {
    if (iv.to < iv.from) {
      throw Error::Unprocessable(
          "calendar.bad_interval",
          fmt::format("暂停区间{}至{}的结束日期早于开始日期", iv.from.ToString(), iv.to.ToString()),
          fmt::format("The suspension {} to {} ends before it starts", iv.from.ToString(),
                      iv.to.ToString()));
    }
    // The clock runs from the day after start; suspension before that changes nothing.
    const std::int64_t from = std::max(iv.from.serial(), s + 1);
    if (from <= iv.to.serial()) spans.emplace_back(from, iv.to.serial());
  }
  if (n == 0) return {start, false, 0};
  std::sort(spans.begin(), spans.end());

  // Walk the suspensions in order: the working days between them spend the limit, the working
  // days inside them are skipped. Each step is O(1), so the whole is O(k log k) for k intervals.
  std::int64_t remaining = n;
  std::int64_t cursor = s;  // every day up to cursor is accounted for
  std::int64_t skipped = 0;
  for (const auto& [from, to] : spans) {
    if (to <= cursor) continue;  // inside an interval already walked
    if (from > cursor) {
      const std::int64_t available = Count(from - 1) - Count(cursor);
      if (available >= remaining) break;
      remaining -= available;
      cursor = from - 1;
    }
    skipped += Count(to) - Count(cursor);
    cursor = to;
  }
  const std::int64_t day = DayWithCount(Count(cursor) + remaining);
  return {time::Date::FromSerial(day), !Covers(s + 1, day), skipped};
}

}  // namespace tongban::calendar
