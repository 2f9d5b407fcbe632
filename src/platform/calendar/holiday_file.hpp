#pragma once
// Reads the shipped holiday schedules, data/holidays/<region>-YYYY.json (written by
// scripts/import-holidays.mjs):
//   {"year":2026,"region":"CN","source":"...","days":[
//     {"date":"2026-10-01","kind":"holiday","name":"国庆节","name_en":"National Day"},
//     {"date":"2026-10-10","kind":"workday","name":"国庆节补班"}, ...]}
// Stateless; thread-safe.
#include <filesystem>
#include <string_view>
#include <vector>

#include "platform/calendar/schedule.hpp"

namespace tongban::calendar {

// Every <region>-YYYY.json file of `dir`, sorted by year. Throws tongban::Error (500,
// "calendar.load_failed") when the directory is missing or holds no such file, or a file cannot be
// read, is malformed, names another year than its file name, or lists a date outside its year or
// twice: the shipped data is wrong, which is a deployment fault.
std::vector<YearSchedule> LoadHolidayFiles(const std::filesystem::path& dir,
                                           std::string_view region = "CN");

}  // namespace tongban::calendar
