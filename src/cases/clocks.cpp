#include "cases/clocks.hpp"

#include <vector>

#include "cases/store.hpp"

namespace tongban::cases::clocks {
namespace {

time::Date DateOf(const std::string& text) { return *time::Date::Parse(text); }

// The intervals a clock stood still: each suspension from its first day to the day before it
// ended (a suspension ended the day it began covers nothing).
std::vector<calendar::SuspendedInterval> Intervals(db::Tx& tx, std::int64_t clock_id) {
  std::vector<calendar::SuspendedInterval> out;
  for (const auto& s : store::Suspensions(tx, clock_id)) {
    if (!s.to_on) continue;
    const auto from = DateOf(s.from_on), to = DateOf(*s.to_on).AddDays(-1);
    if (to >= from) out.push_back({from, to});
  }
  return out;
}

void Recompute(db::Tx& tx, const calendar::WorkingCalendar& cal, Clock& clock) {
  const auto intervals = Intervals(tx, clock.id);
  const auto start = DateOf(clock.started_on);
  const auto due = cal.Deadline(start, clock.limit_days + clock.extended_days, intervals);
  const auto statutory = cal.Deadline(start, clock.statutory_days + clock.extended_days, intervals);
  clock.due_on = due.date.ToString();
  clock.statutory_due_on = statutory.date.ToString();
  clock.suspended_days = static_cast<int>(due.suspended_working_days);
}

}  // namespace

Standing StandingOf(const calendar::WorkingCalendar& cal, const Clock& clock, time::Date today, int warn_days) {
  const auto due = DateOf(clock.due_on);
  if (clock.state == "stopped") {
    const auto stopped = clock.stopped_on ? DateOf(*clock.stopped_on) : today;
    const auto left = cal.WorkingDaysBetween(stopped, due).days;
    return {left, stopped > due ? "red" : "green"};
  }
  const auto left = cal.WorkingDaysBetween(today, due).days;
  if (clock.state == "suspended") return {left, "paused"};
  if (today > due) return {left, "red"};
  return {left, left <= warn_days ? "yellow" : "green"};
}

Clock Start(db::Tx& tx, const calendar::WorkingCalendar& cal, std::int64_t case_id, const std::string& kind,
            time::Date start, int limit_days, int statutory_days, std::optional<std::int64_t> parent_id) {
  Clock c;
  c.case_id = case_id;
  c.parent_id = parent_id;
  c.kind = kind;
  c.started_on = start.ToString();
  c.limit_days = limit_days;
  c.statutory_days = statutory_days;
  c.due_on = cal.Deadline(start, limit_days).date.ToString();
  c.statutory_due_on = cal.Deadline(start, statutory_days).date.ToString();
  c.state = "running";
  c.id = store::InsertClock(tx, c);
  return c;
}

std::optional<Clock> Open(db::Tx& tx, std::int64_t case_id, const std::string& kind) {
  for (auto& c : store::Clocks(tx, case_id))
    if (c.kind == kind && c.state != "stopped") return c;
  return std::nullopt;
}

void Stop(db::Tx& tx, std::int64_t case_id, const std::string& kind, time::Date on) {
  auto c = Open(tx, case_id, kind);
  if (!c) return;
  c->state = "stopped";
  c->stopped_on = on.ToString();
  store::UpdateClock(tx, *c);
}

void Suspend(db::Tx& tx, Clock& clock, const std::string& reason_code, const std::string& note, time::Date on,
             int planned_days, const calendar::WorkingCalendar& cal) {
  Suspension s;
  s.case_id = clock.case_id;
  s.clock_id = clock.id;
  s.reason_code = reason_code;
  s.note = note;
  s.from_on = on.ToString();
  s.planned_days = planned_days;
  s.planned_end_on = cal.AddWorkingDays(on, planned_days).date.ToString();
  store::InsertSuspension(tx, s);
  clock.state = "suspended";
  store::UpdateClock(tx, clock);
}

void Resume(db::Tx& tx, const calendar::WorkingCalendar& cal, Clock& clock, time::Date on) {
  for (const auto& s : store::Suspensions(tx, clock.id))
    if (!s.to_on) store::EndSuspension(tx, s.id, on.ToString());
  clock.state = "running";
  Recompute(tx, cal, clock);
  store::UpdateClock(tx, clock);
}

void Extend(db::Tx& tx, const calendar::WorkingCalendar& cal, Clock& clock, int days) {
  clock.extended_days += days;
  Recompute(tx, cal, clock);
  store::UpdateClock(tx, clock);
}

}  // namespace tongban::cases::clocks
