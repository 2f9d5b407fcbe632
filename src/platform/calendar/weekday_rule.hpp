#pragma once
// The plain rule, Monday to Friday work, as closed formulas over serial day numbers, so that a
// provisional answer beyond the loaded years costs O(1) like a loaded one. Internal to
// platform/calendar. Pure; thread-safe.
#include <cstdint>

namespace tongban::calendar::internal {

// A running count of Monday-to-Friday days, up to and including `serial`, offset so that
// WeekdayCount(b) - WeekdayCount(a) is the number of such days in (a, b]. Defined for all serials,
// negative ones included.
std::int64_t WeekdayCount(std::int64_t serial);

// The Monday-to-Friday day whose WeekdayCount is `count`: the inverse of WeekdayCount on working
// days.
std::int64_t WeekdayWithCount(std::int64_t count);

}  // namespace tongban::calendar::internal
