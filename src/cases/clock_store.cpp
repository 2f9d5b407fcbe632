// The SQL of clocks, suspensions, lapses and the deadline scan (store.hpp).
#include "cases/store.hpp"
#include "cases/store_util.hpp"

namespace tongban::cases::store {

std::int64_t InsertClock(db::Tx& tx, const Clock& c) {
  db::Params p;
  p.emplace_back(c.case_id);
  p.emplace_back(c.parent_id);
  p.emplace_back(c.kind);
  p.emplace_back(c.started_on);
  p.emplace_back(c.limit_days);
  p.emplace_back(c.statutory_days);
  p.emplace_back(c.extended_days);
  p.emplace_back(c.due_on);
  p.emplace_back(c.statutory_due_on);
  p.emplace_back(c.state);
  p.emplace_back(c.suspended_days);
  p.emplace_back(c.stopped_on);
  return tx.InsertReturningId(
      "INSERT INTO case_clocks (case_id, parent_id, kind, started_on, limit_days, statutory_days, extended_days, "
      "due_on, statutory_due_on, state, suspended_days, stopped_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      p);
}

std::vector<Clock> Clocks(db::Tx& tx, std::int64_t case_id) {
  std::vector<Clock> out;
  for (const auto& r :
       tx.Query(std::string("SELECT ") + kClockColumns + " FROM case_clocks k WHERE k.case_id = ? ORDER BY k.id", {case_id})
           .rows)
    out.push_back(ClockFrom(r, 0));
  return out;
}

void UpdateClock(db::Tx& tx, const Clock& c) {
  tx.Exec("UPDATE case_clocks SET limit_days = ?, extended_days = ?, due_on = ?, statutory_due_on = ?, state = ?, "
          "suspended_days = ?, stopped_on = ?, warned = ?, overdue = ? WHERE id = ?",
          {c.limit_days, c.extended_days, c.due_on, c.statutory_due_on, c.state, c.suspended_days, c.stopped_on,
           c.warned, c.overdue, c.id});
}

std::int64_t InsertSuspension(db::Tx& tx, const Suspension& s) {
  return tx.InsertReturningId(
      "INSERT INTO case_suspensions (case_id, clock_id, reason_code, note, from_on, planned_days, planned_end_on) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {s.case_id, s.clock_id, s.reason_code, s.note, s.from_on, s.planned_days, s.planned_end_on});
}

std::vector<Suspension> Suspensions(db::Tx& tx, std::int64_t clock_id) {
  std::vector<Suspension> out;
  for (const auto& r : tx.Query("SELECT id, case_id, clock_id, reason_code, note, from_on, planned_days, planned_end_on, "
                                "to_on FROM case_suspensions WHERE clock_id = ? ORDER BY id",
                                {clock_id})
                           .rows)
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), static_cast<int>(r.Int(6)),
                   r.Text(7), r.OptText(8)});
  return out;
}

void EndSuspension(db::Tx& tx, std::int64_t id, const std::string& to_on) {
  tx.Exec("UPDATE case_suspensions SET to_on = ? WHERE id = ? AND to_on IS NULL", {to_on, id});
}

std::vector<std::int64_t> CasesWithLapsedClock(db::Tx& tx, const std::string& kind, const std::string& today) {
  std::vector<std::int64_t> out;
  for (const auto& r :
       tx.Query("SELECT case_id FROM case_clocks WHERE state = 'running' AND due_on < ? AND kind = ? ORDER BY case_id",
                {today, kind})
           .rows)
    out.push_back(r.Int(0));
  return out;
}

std::vector<std::int64_t> CasesWithSuspensionEnded(db::Tx& tx, const std::string& today) {
  std::vector<std::int64_t> out;
  for (const auto& r : tx.Query("SELECT DISTINCT case_id FROM case_suspensions WHERE to_on IS NULL AND planned_end_on < ? "
                                "ORDER BY case_id",
                                {today})
                           .rows)
    out.push_back(r.Int(0));
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> MarkWarned(db::Tx& tx, const std::string& today,
                                                              const std::string& warn_until) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  const db::Params window = {today, warn_until};
  for (const auto& r : tx.Query("SELECT c.department_id, COUNT(*) FROM case_clocks k JOIN cases c ON c.id = k.case_id "
                                "WHERE k.state = 'running' AND k.due_on >= ? AND k.due_on <= ? AND k.warned = 0 "
                                "AND k.kind IN ('decision', 'delivery') GROUP BY c.department_id",
                                window)
                           .rows)
    out.emplace_back(r.Int(0), r.Int(1));
  tx.Exec("UPDATE case_clocks SET warned = 1 WHERE state = 'running' AND due_on >= ? AND due_on <= ? AND warned = 0 "
          "AND kind IN ('decision', 'delivery')",
          window);
  return out;
}

std::int64_t RecordOverdue(db::Tx& tx, const std::string& today) {
  // One statement each way, so a million open cases are scanned by the (state, due_on) index
  // rather than row by row in C++.
  tx.Exec("INSERT INTO case_lapses (case_id, clock_id, department_id, kind, due_on, recorded_on) "
          "SELECT k.case_id, k.id, c.department_id, k.kind, k.due_on, ? FROM case_clocks k "
          "JOIN cases c ON c.id = k.case_id WHERE k.state = 'running' AND k.due_on < ? AND k.overdue = 0 "
          "AND k.kind IN ('decision', 'delivery')",
          {today, today});
  return tx.Exec(
      "UPDATE case_clocks SET overdue = 1 WHERE state = 'running' AND due_on < ? AND overdue = 0 "
      "AND kind IN ('decision', 'delivery')",
      {today});
}

void RecordLapse(db::Tx& tx, const Case& c, const Clock& clock, const std::string& today) {
  tx.Exec("INSERT INTO case_lapses (case_id, clock_id, department_id, kind, due_on, recorded_on) "
          "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (clock_id) DO NOTHING",
          {c.id, clock.id, c.department_id, clock.kind, clock.due_on, today});
}

std::vector<DeadlineRow> DeadlineStats(db::Tx& tx, const std::optional<std::set<std::int64_t>>& scope,
                                       const std::string& today, const std::string& warn_until) {
  // A hall's supervisor oversees the cases its windows took, whichever department handles them.
  const std::string ids = scope ? IdList(*scope) : "";
  const std::string in_scope = scope ? " AND (c.department_id IN (" + ids + ") OR c.hall_id IN (" + ids + "))" : "";
  std::map<std::int64_t, DeadlineRow> rows;
  for (const auto& r :
       tx.Query("SELECT c.department_id, d.name, COUNT(*), "
                "SUM(CASE WHEN k.due_on >= ? AND k.due_on <= ? THEN 1 ELSE 0 END), "
                "SUM(CASE WHEN k.due_on < ? THEN 1 ELSE 0 END) "
                "FROM cases c JOIN departments d ON d.id = c.department_id "
                "LEFT JOIN case_clocks k ON k.case_id = c.id AND k.state = 'running' "
                "AND k.kind IN ('acceptance', 'decision', 'delivery') "
                "WHERE c.state IN ('submitted', 'supplement_requested', 'refusal_pending', 'in_review', 'suspended', "
                "'approved', 'issued')" +
                    in_scope + " GROUP BY c.department_id, d.name",
                {today, warn_until, today})
           .rows) {
    auto& row = rows[r.Int(0)];
    row.department_id = r.Int(0);
    row.department_name = r.Text(1);
    row.open = r.Int(2);
    row.yellow = r.Int(3);
    row.red = r.Int(4);
  }
  for (const auto& r : tx.Query("SELECT l.department_id, d.name, COUNT(*) FROM case_lapses l "
                                "JOIN departments d ON d.id = l.department_id JOIN cases c ON c.id = l.case_id "
                                "WHERE 1 = 1" + in_scope + " GROUP BY l.department_id, d.name")
                           .rows) {
    auto& row = rows[r.Int(0)];
    row.department_id = r.Int(0);
    row.department_name = r.Text(1);
    row.lapses = r.Int(2);
  }
  std::vector<DeadlineRow> out;
  for (auto& [id, row] : rows) out.push_back(std::move(row));
  return out;
}

}  // namespace tongban::cases::store
