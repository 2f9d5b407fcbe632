#pragma once
// The words of the system module: parameters 参数 and the calendar edits 节假日调整.
#include <cstdint>
#include <string>
#include <vector>

#include "platform/calendar/schedule.hpp"

namespace tongban::system {

enum class ParameterType { kInt, kString, kBool };
const char* ToString(ParameterType type);

// A known parameter: only these keys exist.
struct ParameterDef {
  std::string key;  // "auth.lockout_threshold"
  ParameterType type = ParameterType::kInt;
  std::string default_value;
  std::int64_t min = 0, max = 0;  // for kInt
  std::string name_zh, name_en, description_zh, description_en;
};

struct Parameter {
  const ParameterDef* def = nullptr;
  std::string value;  // the current value in text form
};

// One day an administrator set (overrides the shipped schedule, or fills a year not shipped).
struct AdminDay {
  time::Date date;
  calendar::DayKind kind = calendar::DayKind::kHoliday;
  std::string name;
};

struct CalendarDayView {
  time::Date date;
  calendar::DayKind kind = calendar::DayKind::kHoliday;
  std::string name;
  bool from_admin = false;  // "admin" vs "official"
};

struct CalendarYearView {
  int year = 0;
  bool loaded = false;
  std::int64_t version = 0;
  std::vector<CalendarDayView> days;  // in date order
};

}  // namespace tongban::system
