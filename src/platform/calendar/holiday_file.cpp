#include "platform/calendar/holiday_file.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "platform/errors/error.hpp"

namespace tongban::calendar {

namespace {

Error LoadFailed(const std::string& why) { return Error::Internal("calendar.load_failed", why); }

// "CN-2026.json" -> 2026 for region "CN"; 0 when the name has another shape.
int YearOfFileName(const std::string& name, std::string_view region) {
  const std::string prefix = std::string(region) + "-";
  if (name.size() != prefix.size() + 4 + 5 || !name.starts_with(prefix) ||
      !name.ends_with(".json")) {
    return 0;
  }
  int year = 0;
  for (char c : name.substr(prefix.size(), 4)) {
    if (c < '0' || c > '9') return 0;
    year = year * 10 + (c - '0');
  }
  return year;
}

YearSchedule ReadYear(const std::filesystem::path& file, int year) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw LoadFailed("cannot read " + file.string());
  std::stringstream buf;
  buf << in.rdbuf();
  YearSchedule schedule;
  schedule.year = year;
  std::set<std::int64_t> seen;
  try {
    const auto doc = nlohmann::json::parse(buf.str());
    if (doc.at("year").get<int>() != year) {
      throw LoadFailed(file.string() + ": names year " + doc.at("year").dump());
    }
    for (const auto& d : doc.at("days")) {
      const std::string date_text = d.at("date").get<std::string>();
      const auto date = time::Date::Parse(date_text);
      if (!date || date->year() != year) {
        throw LoadFailed(file.string() + ": date " + date_text + " is not a day of " +
                         std::to_string(year));
      }
      if (!seen.insert(date->serial()).second) {
        throw LoadFailed(file.string() + ": " + date_text + " listed twice");
      }
      const std::string kind = d.at("kind").get<std::string>();
      if (kind != "holiday" && kind != "workday") {
        throw LoadFailed(file.string() + ": " + date_text + " has kind " + kind);
      }
      schedule.days.push_back(
          SpecialDay{*date, kind == "holiday" ? DayKind::kHoliday : DayKind::kWorkday,
                     d.value("name", std::string()), d.value("name_en", std::string())});
    }
  } catch (const nlohmann::json::exception& e) {
    throw LoadFailed(file.string() + ": " + e.what());
  }
  return schedule;
}

}  // namespace

std::vector<YearSchedule> LoadHolidayFiles(const std::filesystem::path& dir,
                                           std::string_view region) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw LoadFailed("holiday data directory not found: " + dir.string());
  }
  std::vector<YearSchedule> years;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const int year = YearOfFileName(entry.path().filename().string(), region);
    if (year != 0) years.push_back(ReadYear(entry.path(), year));
  }
  if (years.empty()) {
    throw LoadFailed("no " + std::string(region) + "-YYYY.json file in " + dir.string());
  }
  std::sort(years.begin(), years.end(),
            [](const YearSchedule& a, const YearSchedule& b) { return a.year < b.year; });
  return years;
}

}  // namespace tongban::calendar
