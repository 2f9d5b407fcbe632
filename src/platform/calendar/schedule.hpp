#pragma once
// What a working calendar is built from: for each year, the days that break the plain rule
// "Monday to Friday work, Saturday and Sunday rest" — official holidays and adjusted working days
// (调休补班) — as the State Council publishes them; and the same shape for an administrator's
// overrides. Plain values; no behaviour.
#include <string>
#include <vector>

#include "platform/time/date.hpp"

namespace tongban::calendar {

enum class DayKind {
  kHoliday,  // no work, whatever the weekday
  kWorkday,  // work, whatever the weekday (an adjusted working weekend)
};

struct SpecialDay {
  time::Date date;
  DayKind kind = DayKind::kHoliday;
  std::string name;     // "国庆节", "国庆节补班"
  std::string name_en;  // may be empty
};

// One calendar year's special days. A day not listed follows the weekday rule.
struct YearSchedule {
  int year = 0;
  std::vector<SpecialDay> days;
};

}  // namespace tongban::calendar
