#pragma once
// Working-day clocks of a case (行政许可法 arts. 32, 42, 44, 45, 82; docs/cases.md "Clocks"). A clock
// is a record: it starts on a Shanghai date with a committed limit and the statutory ceiling beside
// it, stands still while suspended (art. 45), grows by an approved extension (art. 42), and stops.
// Due dates are computed with the working calendar; the stored ones are what the scan compares.
#include <optional>
#include <string>

#include "cases/model.hpp"
#include "platform/calendar/working_calendar.hpp"
#include "platform/db/database.hpp"

namespace tongban::cases::clocks {

// Art. 44: the licence is issued or delivered within 10 working days of the decision.
inline constexpr int kDeliveryDays = 10;
// Art. 42: one extension of 10 working days, approved by the head of the authority.
inline constexpr int kExtensionDays = 10;

struct Standing {
  std::int64_t days_left = 0;  // working days from today to the due date (negative: overdue)
  std::string colour;          // green | yellow | red | paused (suspended)
};
// `warn_days`: the cases.deadline_yellow_days parameter. A stopped clock is judged at its stop.
Standing StandingOf(const calendar::WorkingCalendar& cal, const Clock& clock, time::Date today, int warn_days);

// Starts and stores a clock of `kind` on `start`.
Clock Start(db::Tx& tx, const calendar::WorkingCalendar& cal, std::int64_t case_id, const std::string& kind,
            time::Date start, int limit_days, int statutory_days, std::optional<std::int64_t> parent_id = std::nullopt);
// The case's clock of `kind` that is not stopped, if any.
std::optional<Clock> Open(db::Tx& tx, std::int64_t case_id, const std::string& kind);
// Stops the open clock of `kind` on `on` (nothing when none is open).
void Stop(db::Tx& tx, std::int64_t case_id, const std::string& kind, time::Date on);
// Art. 45: the clock stands still from `on`; records the suspension.
void Suspend(db::Tx& tx, Clock& clock, const std::string& reason_code, const std::string& note, time::Date on,
             int planned_days, const calendar::WorkingCalendar& cal);
// Ends the open suspension on `on` and pushes the due dates back by the working days it covered.
void Resume(db::Tx& tx, const calendar::WorkingCalendar& cal, Clock& clock, time::Date on);
// Adds `days` to the committed and statutory limits (never more than once: the caller checks).
void Extend(db::Tx& tx, const calendar::WorkingCalendar& cal, Clock& clock, int days);

}  // namespace tongban::cases::clocks
