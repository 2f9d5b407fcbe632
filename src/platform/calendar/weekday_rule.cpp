#include "platform/calendar/weekday_rule.hpp"

#include <algorithm>

namespace tongban::calendar::internal {

namespace {

// Serial of Monday 1970-01-05, where the count is 1; any Monday would do.
constexpr std::int64_t kAnchorMonday = 4;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
std::int64_t FloorMod(std::int64_t a, std::int64_t b) { return a - FloorDiv(a, b) * b; }

}  // namespace

std::int64_t WeekdayCount(std::int64_t serial) {
  // t days in [anchor, serial]: five working days per full week, then at most five of the rest.
  // Floor division keeps the formula right before the anchor too.
  const std::int64_t t = serial - kAnchorMonday + 1;
  return FloorDiv(t, 7) * 5 + std::min<std::int64_t>(FloorMod(t, 7), 5);
}

std::int64_t WeekdayWithCount(std::int64_t count) {
  return kAnchorMonday + 7 * FloorDiv(count - 1, 5) + FloorMod(count - 1, 5);
}

}  // namespace tongban::calendar::internal
