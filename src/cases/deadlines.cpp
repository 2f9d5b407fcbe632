// The deadline scan (docs/cases.md "Clocks") and the supervisor's figures. The scan acts through
// the same lifecycle as people do, as the system, so every automatic step has its history event.
#include "cases/internal.hpp"

#include <fmt/format.h>

#include "cases/clocks.hpp"
#include "cases/store.hpp"

namespace tongban::cases {
namespace {

// 行政许可法 art. 32: an application not decided on within the acceptance limit counts as accepted
// from the day it was received, and its clock runs from then; the lapse is the department's.
void AcceptByLapse(const Env& env, std::int64_t id) {
  auto l = Load(env, id, true);
  if (l.c.state != State::kSubmitted && l.c.state != State::kRefusalPending) return;
  auto clock = clocks::Open(env.tx, id, "acceptance");
  if (!clock) return;
  store::RecordLapse(env.tx, l.c, *clock, env.Today().ToString());
  const int expected = l.c.version;
  Event event;
  event.action = "accept_by_lapse";
  event.from_state = ToString(l.c.state);
  event.reason = "受理期限（" + clock->due_on + "）届满未作决定，依法自收到申请之日起视为受理";
  event.detail = {{"received_on", l.c.received_on.value_or("")}, {"acceptance_due_on", clock->due_on},
                  {"pending_refusal", l.c.pending_refusal}};
  const auto received = time::Date::Parse(l.c.received_on.value_or(clock->started_on));
  StartReview(env, l.c, l, *received);
  l.c.state = State::kInReview;
  event.to_state = ToString(l.c.state);
  Save(env, l.c, expected);
  Record(env, SystemCaller(), l.c, event);
  IssueNotice(env, l.c, "acceptance_notice", {});
}

}  // namespace

ScanResult ScanDeadlines(const Env& env) {
  ScanResult r;
  const auto today = env.Today();
  const auto system = SystemCaller();
  for (auto id : store::CasesWithLapsedClock(env.tx, "acceptance", today.ToString())) {
    AcceptByLapse(env, id);
    ++r.accepted_by_lapse;
  }
  // 容缺: a missing material not supplied by the promised date ends the case, with a notice.
  for (auto id : store::CasesWithLapsedClock(env.tx, "deficiency", today.ToString())) {
    ActionInput in;
    in.reason = "容缺受理的材料未在承诺期限内补齐";
    Act(env, system, id, "terminate", in);
    ++r.terminated;
  }
  for (auto id : store::CasesWithSuspensionEnded(env.tx, today.ToString())) {
    const auto c = store::FindCase(env.tx, id);
    if (!c || c->state != State::kSuspended) continue;
    ActionInput in;
    in.note = "中止期限届满，自动恢复计时";
    Act(env, system, id, "resume", in);
    ++r.resumed;
  }
  const auto warn_until = env.calendar.AddWorkingDays(today, WarnDays(env.tx)).date.ToString();
  for (const auto& [department, count] : store::MarkWarned(env.tx, today.ToString(), warn_until)) {
    NotifyStaff(env, department, "department_head", "cases.deadline_warning", fmt::format("临期预警：{}", count) + " 件办件即将到期",
                fmt::format("有 {}", count) + " 件办件剩余办理时间不足，请及时处理。", "/cases/supervision");
    r.warned += count;
  }
  r.overdue = store::RecordOverdue(env.tx, today.ToString());
  return r;
}

std::vector<store::DeadlineRow> DeadlineStats(const Env& env, const Caller& caller) {
  const auto today = env.Today();
  const auto warn_until = env.calendar.AddWorkingDays(today, WarnDays(env.tx)).date.ToString();
  return store::DeadlineStats(env.tx, caller.scope, today.ToString(), warn_until);
}

}  // namespace tongban::cases
