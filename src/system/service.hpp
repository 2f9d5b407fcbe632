#pragma once
// System parameters and the working calendar's administration (DOMAIN.md "Working days").
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "audit/model.hpp"
#include "platform/calendar/working_calendar.hpp"
#include "platform/db/database.hpp"
#include "system/model.hpp"

namespace tongban::system {

// ---- Parameters --------------------------------------------------------------------------------
// Well-known keys, for the modules that read them.
inline constexpr const char* kLockoutThreshold = "auth.lockout_threshold";
inline constexpr const char* kLockoutMinutes = "auth.lockout_minutes";
inline constexpr const char* kThrottleThreshold = "auth.throttle_threshold";
inline constexpr const char* kThrottleWindowMinutes = "auth.throttle_window_minutes";
inline constexpr const char* kSessionHours = "auth.session_hours";
inline constexpr const char* kDeadlineYellowDays = "cases.deadline_yellow_days";
inline constexpr const char* kApplicantRegistration = "auth.applicant_registration";

// Every known parameter, in display order.
const std::vector<ParameterDef>& ParameterDefs();
// nullptr for an unknown key.
const ParameterDef* FindParameterDef(std::string_view key);

// Every known parameter with its current value (the stored one, else the default), in `tx`.
std::vector<Parameter> ListParameters(db::Tx& tx);
// The current value of an int parameter. A key that is not a known int parameter is a bug
// (std::logic_error).
std::int64_t GetInt(db::Tx& tx, std::string_view key);
// The same for a bool parameter.
bool GetBool(db::Tx& tx, std::string_view key);

// Sets `key` from the JSON `value` (a number or numeric string for int, a boolean or "true"/"false"
// for bool, a string for string) in `tx`, with its audit record. Throws Error 404
// system.unknown_parameter, 422 system.bad_parameter_value (type or range).
Parameter SetParameter(db::Tx& tx, time::Instant now, const audit::Actor& actor, const std::string& key,
                       const nlohmann::json& value);

// ---- Calendar ----------------------------------------------------------------------------------
// The shipped years plus the administrators' edits. Shipped years are read once (at construction);
// edits are read when the calendar version's stamp changed. Thread-safe.
class CalendarProvider {
 public:
  // Reads data/holidays from `data_dir`; an empty or missing dir gives no shipped years (every
  // question then fails as "year not loaded"), logged as a warning.
  explicit CalendarProvider(const std::string& data_dir);
  // The calendar as of `tx`: one cheap query for the stamp, a rebuild only after an edit.
  std::shared_ptr<const calendar::WorkingCalendar> Current(db::Tx& tx);
  // The calendar of the shipped files alone (no database).
  std::shared_ptr<const calendar::WorkingCalendar> ShippedOnly() const { return shipped_calendar_; }
  const std::vector<calendar::YearSchedule>& shipped() const { return shipped_; }

 private:
  std::vector<calendar::YearSchedule> shipped_;
  std::shared_ptr<const calendar::WorkingCalendar> shipped_calendar_;
  std::mutex mu_;
  std::string stamp_;                                     // guarded by mu_
  std::shared_ptr<const calendar::WorkingCalendar> cached_;  // guarded by mu_
};

// Shipped years + admin days: an admin day in a shipped year overrides it; admin days in the
// years right after the last shipped one (consecutively) make those years loaded.
calendar::WorkingCalendar BuildCalendar(const std::vector<calendar::YearSchedule>& shipped,
                                        const std::vector<AdminDay>& admin_days, std::int64_t version);

// The year as an administrator edits it: its special days, official and admin. A year neither
// shipped nor edited is `loaded = false` with no days.
CalendarYearView GetCalendarYear(db::Tx& tx, CalendarProvider& provider, int year);

// Sets one day in `tx` with its audit record and bumps the version. The day's year must be loaded or
// be the year right after the last loaded one (that is how an administrator adds next year's
// schedule). Throws Error 422 calendar.year_not_loaded, 422 input errors.
void SetCalendarDay(db::Tx& tx, CalendarProvider& provider, time::Instant now, const audit::Actor& actor,
                    const AdminDay& day);
// Removes an administrator's edit of `date` (back to the official schedule). 404
// calendar.no_override when there is none.
void DeleteCalendarDay(db::Tx& tx, time::Instant now, const audit::Actor& actor, time::Date date);

}  // namespace tongban::system
