#pragma once
// The SQL of the system tables, and the only code that touches them.
#include <map>
#include <optional>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/time/clock.hpp"
#include "system/model.hpp"

namespace tongban::system {

class SystemStore {
 public:
  // Stored values by key (keys without a row use their default).
  static std::map<std::string, std::string> ParameterValues(db::Tx& tx);
  static std::optional<std::string> ParameterValue(db::Tx& tx, const std::string& key);
  static void UpsertParameter(db::Tx& tx, const std::string& key, const std::string& value, time::Instant now,
                              const std::string& by);

  static std::vector<AdminDay> AdminDays(db::Tx& tx);
  static std::optional<AdminDay> FindAdminDay(db::Tx& tx, time::Date date);
  static void UpsertDay(db::Tx& tx, const AdminDay& day, time::Instant now, const std::string& by);
  // False when there was no such day.
  static bool DeleteDay(db::Tx& tx, time::Date date);
  // (version, stamp)
  static std::pair<std::int64_t, std::string> CalendarVersion(db::Tx& tx);
  // Bumps the version and sets a fresh random stamp; returns the new version.
  static std::int64_t BumpCalendarVersion(db::Tx& tx);
};

}  // namespace tongban::system
