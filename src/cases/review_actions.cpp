// The handling department's actions: the item's review steps, suspension (行政许可法 art. 45),
// extension (art. 42), the decision, and termination.
#include "cases/actions.hpp"

#include <fmt/format.h>

#include "cases/clocks.hpp"
#include "cases/store.hpp"
#include "catalog/model.hpp"
#include "platform/errors/error.hpp"

namespace tongban::cases {
namespace {

// The longest a suspension may be set for in one go (working days); a longer hearing or expert
// review is suspended again when this one ends.
constexpr int kMaxSuspensionDays = 60;

void MoveToStep(ActionContext& a, int index) {
  Case& c = a.c();
  a.event.detail = {{"opinion", a.in.opinion},
                    {"from_step", a.loaded.plan.At(c.step_index).name},
                    {"to_step", a.loaded.plan.At(index).name}};
  c.step_index = index;
  c.step_role = a.loaded.plan.At(index).role;
}

void RequireDecisionStep(ActionContext& a) {
  if (a.loaded.plan.IsDecision(a.c().step_index)) return;
  throw Error::Conflict("cases.not_decision_step",
                        "当前环节「" + a.loaded.plan.At(a.c().step_index).name + "」不是决定环节，请先提交下一环节",
                        "The step in hand is not the decision step; forward it first");
}

Clock DecisionClock(ActionContext& a) {
  auto clock = clocks::Open(a.env.tx, a.c().id, "decision");
  if (!clock) throw Error::Internal("cases.clock_missing", "case " + a.c().number + " has no decision clock");
  return *clock;
}

}  // namespace

std::string SuspensionReasonName(const std::string& code) {
  static const std::map<std::string, std::string> kNames = {
      {"hearing", "听证"}, {"tender", "招标"}, {"auction", "拍卖"}, {"inspection", "检验"},
      {"testing", "检测"}, {"quarantine", "检疫"}, {"expert_review", "专家评审"}};
  const auto it = kNames.find(code);
  return it == kNames.end() ? code : it->second;
}

void Forward(ActionContext& a) {
  if (a.loaded.plan.IsDecision(a.c().step_index))
    throw Error::Conflict("cases.decision_step", "已到决定环节：请作出准予或不予许可的决定",
                          "This is the decision step: approve or deny");
  MoveToStep(a, a.c().step_index + 1);
}

void Return(ActionContext& a) {
  if (a.c().step_index <= a.loaded.plan.first_review)
    throw Error::Conflict("cases.first_step", "已是第一个审查环节，不能再退回", "This is the first review step; there is none to return to");
  MoveToStep(a, a.c().step_index - 1);
}

void SuspendCase(ActionContext& a) {
  Case& c = a.c();
  const auto& allowed_own = a.loaded.version.elements.workflow.suspensions;
  const auto& statutory = catalog::StatutorySuspensions();
  const auto& code = a.in.reason_code;
  const bool allowed = std::find(statutory.begin(), statutory.end(), code) != statutory.end() ||
                       std::find(allowed_own.begin(), allowed_own.end(), code) != allowed_own.end();
  if (!allowed) {
    std::string list;
    for (const auto& s : statutory) list.append(list.empty() ? "" : ", ").append(s);
    for (const auto& s : allowed_own) list.append(", ").append(s);
    FailField("/reason_code", "enum", "中止理由须为行政许可法第四十五条所列情形或本事项规定的情形：" + list,
              "The reason must be one art. 45 names or the item lists: " + list);
  }
  if (a.in.days < 1 || a.in.days > kMaxSuspensionDays)
    FailField("/days", "range", "中止时长应为 1 到 60 个工作日", "days must be 1..60 working days");
  auto clock = DecisionClock(a);
  clocks::Suspend(a.env.tx, clock, code, a.in.note, a.today(), a.in.days, a.env.calendar);
  c.suspension = {{"reason_code", code},
                  {"reason", SuspensionReasonName(code)},
                  {"from", a.today().ToString()},
                  {"days", a.in.days},
                  {"note", a.in.note}};
  a.event.reason = SuspensionReasonName(code);
  a.event.detail = c.suspension;
  IssueNotice(a.env, c, "suspension_notice",
              {{}, SuspensionReasonName(code), "《中华人民共和国行政许可法》第四十五条",
               fmt::format("预计所需时间 {}", a.in.days) + " 个工作日，该期间不计入办理时限。"});
}

void ResumeCase(ActionContext& a) {
  Case& c = a.c();
  auto clock = clocks::Open(a.env.tx, c.id, "decision");
  if (clock) clocks::Resume(a.env.tx, a.env.calendar, *clock, a.today());
  a.event.detail = {{"suspension", c.suspension}, {"note", a.in.note}, {"due_on", clock ? clock->due_on : ""}};
  c.suspension = nullptr;
  NotifyApplicant(a.env, c, "cases.resumed", "办件恢复计时：" + c.item_name,
                  c.number + " 已恢复办理，办结期限顺延至 " + (clock ? clock->due_on : "") + "。");
}

void RequestExtension(ActionContext& a) {
  Case& c = a.c();
  if (!c.extension.is_null())
    throw Error::Conflict("cases.extension_used", "行政许可法第四十二条只允许延期一次，本办件已申请过延期",
                          "Art. 42 allows one extension; this case has had its request");
  c.extension = {{"reason", a.in.reason},
                 {"requested_by", a.caller.principal.display_name},
                 {"requested_at", time::FormatRfc3339(a.env.now)},
                 {"approved", false}};
  a.event.detail = c.extension;
  NotifyStaff(a.env, c.department_id, "department_head", "cases.extension_requested", "延期申请待批准：" + c.number,
              c.item_name + "：" + a.in.reason, fmt::format("/cases/detail/{}", c.id));
}

void ApproveExtension(ActionContext& a) {
  Case& c = a.c();
  if (c.extension.is_null() || c.extension.value("approved", false))
    throw Error::Conflict("cases.no_extension_request", "没有待批准的延期申请", "No extension request awaits approval");
  auto clock = DecisionClock(a);
  clocks::Extend(a.env.tx, a.env.calendar, clock, clocks::kExtensionDays);
  c.extension["approved"] = true;
  c.extension["approved_by"] = a.caller.principal.display_name;
  c.extension["approved_at"] = time::FormatRfc3339(a.env.now);
  c.extension["due_on"] = clock.due_on;
  a.event.reason = c.extension.value("reason", "");
  a.event.detail = c.extension;
  // Art. 42: the reason for the extension is told to the applicant.
  IssueNotice(a.env, c, "extension_notice",
              {{}, c.extension.value("reason", ""), "《中华人民共和国行政许可法》第四十二条",
               "办理期限延长 10 个工作日，延长后的办结期限为 " + clock.due_on + "。"});
}

void Approve(ActionContext& a) {
  Case& c = a.c();
  RequireDecisionStep(a);
  if (!c.deficiency.is_null())
    throw Error::Conflict("cases.deficiency_outstanding", "容缺材料尚未补齐并核验，不能作出决定",
                          "The materials accepted as deficient are not yet in hand and checked");
  const auto today = a.today();
  clocks::Stop(a.env.tx, c.id, "decision", today);
  clocks::Start(a.env.tx, a.env.calendar, c.id, "delivery", today, clocks::kDeliveryDays, clocks::kDeliveryDays);
  c.decided_at = a.env.now;
  c.decision = {{"result", "approved"}, {"opinion", a.in.opinion}, {"by", a.caller.principal.display_name},
                {"at", time::FormatRfc3339(a.env.now)}};
  a.event.detail = c.decision;
  IssueNotice(a.env, c, "decision_approved", {{}, a.in.opinion, "", ""});
  // The issue steps (if any) are the window's: 统一窗口出件.
  const int last = static_cast<int>(a.loaded.plan.steps.size()) - 1;
  c.step_index = last;
  c.step_role = a.loaded.plan.At(last).role;
}

void Deny(ActionContext& a) {
  Case& c = a.c();
  RequireDecisionStep(a);
  StopAllClocks(a.env, c);
  c.decided_at = a.env.now;
  c.decision = {{"result", "denied"}, {"reason", a.in.reason}, {"legal_basis", a.in.legal_basis},
                {"by", a.caller.principal.display_name}, {"at", time::FormatRfc3339(a.env.now)}};
  a.event.detail = c.decision;
  IssueNotice(a.env, c, "decision_denied", {{}, a.in.reason, a.in.legal_basis, ""});
}

void Terminate(ActionContext& a) {
  StopAllClocks(a.env, a.c());
  a.event.detail = {{"note", a.in.note}};
  IssueNotice(a.env, a.c(), "termination_notice", {{}, a.in.reason, "", ""});
}

}  // namespace tongban::cases
