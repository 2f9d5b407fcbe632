// The applicant's and the one window's actions (一窗受理, 一次性告知, 窗口无权否决, 统一出件):
// 行政许可法 art. 32 for acceptance, art. 44 for delivery.
#include <fmt/format.h>
#include <algorithm>

#include "cases/actions.hpp"
#include "cases/clocks.hpp"
#include "cases/store.hpp"
#include "platform/errors/error.hpp"

namespace tongban::cases {
namespace {

bool FromApplicant(const CaseMaterial& m) { return m.source == "applicant"; }

// Required materials the applicant must bring that are not yet in hand (missing or faulty).
std::vector<const CaseMaterial*> Outstanding(const std::vector<CaseMaterial>& materials) {
  std::vector<const CaseMaterial*> out;
  for (const auto& m : materials)
    if (m.required && FromApplicant(m) && (m.status == "missing" || m.status == "faulty")) out.push_back(&m);
  return out;
}

[[noreturn]] void FailOutstanding(const std::vector<const CaseMaterial*>& outstanding, const char* zh_lead,
                                  const char* en_lead) {
  std::vector<FieldError> errors;
  std::string names;
  for (const auto* m : outstanding) {
    names.append(names.empty() ? "" : "、").append(m->name);
    errors.push_back({fmt::format("/materials/{}", m->index), m->status,
                      m->name + (m->status == "faulty" ? "：需更正 " + m->reason : "：未提交"),
                      m->name + (m->status == "faulty" ? ": to be corrected" : ": missing")});
  }
  throw Error::Unprocessable("cases.materials_incomplete", std::string(zh_lead) + names, en_lead, errors);
}

void MarkSubmittedOk(const Env& env, Case& c) {
  for (auto m : store::Materials(env.tx, c.id))
    if (m.status == "submitted") {
      m.status = "ok";
      m.reason.clear();
      store::UpdateMaterial(env.tx, c.id, m);
    }
}

std::string StepName(const Loaded& l, int index) { return l.plan.At(index).name; }

}  // namespace

void Submit(ActionContext& a) {
  Case& c = a.c();
  if (const auto violations = a.loaded.info->form->Validate(c.form); !violations.empty())
    throw schema::ToError(violations);
  const bool resubmission = c.state == State::kSupplementRequested;
  if (resubmission) {
    // Art. 32: a complete resubmission opens a fresh window; an incomplete one is not a resubmission.
    const auto materials = store::Materials(a.env.tx, c.id);
    const auto outstanding = Outstanding(materials);
    if (!outstanding.empty())
      FailOutstanding(outstanding, "补正告知的材料尚未全部补齐：", "Some materials the supplement notice lists are still missing or faulty");
  }
  const auto today = a.today();
  c.received_on = today.ToString();
  c.submitted_at = a.env.now;
  clocks::Stop(a.env.tx, c.id, "acceptance", today);
  const int days = ParamInt(a.env.tx, "cases.acceptance_days");
  clocks::Start(a.env.tx, a.env.calendar, c.id, "acceptance", today, days, days);
  a.event.detail = {{"resubmission", resubmission}};
}

void Accept(ActionContext& a) {
  Case& c = a.c();
  const auto outstanding = Outstanding(store::Materials(a.env.tx, c.id));
  if (!outstanding.empty())
    FailOutstanding(outstanding, "材料不齐全，不能受理（可一次性告知补正或容缺受理）：",
                    "Materials are incomplete: request a supplement or accept with deficiency");
  MarkSubmittedOk(a.env, c);
  StartReview(a.env, c, a.loaded, a.today());
  a.event.step_name = StepName(a.loaded, 0);
  IssueNotice(a.env, c, "acceptance_notice", {});
}

void AcceptWithDeficiency(ActionContext& a) {
  Case& c = a.c();
  if (a.in.deficiency.empty())
    FailField("/materials", "required", "请列出容缺的材料", "List the materials accepted as deficient");
  if (!a.in.promised_on)
    FailField("/promised_on", "required", "请填写承诺补齐日期", "Give the date the applicant promises them by");
  const auto promised = time::Date::Parse(*a.in.promised_on);
  if (!promised) FailField("/promised_on", "format", "承诺日期格式应为 YYYY-MM-DD", "promised_on must be YYYY-MM-DD");
  const auto today = a.today();
  auto materials = store::Materials(a.env.tx, c.id);
  for (std::size_t i = 0; i < a.in.deficiency.size(); ++i) {
    const int idx = a.in.deficiency[i];
    const auto pointer = fmt::format("/materials/{}", i);
    if (idx < 0 || idx >= static_cast<int>(materials.size()))
      FailField(pointer, "unknown", "没有这项材料", "No such material");
    if (materials[idx].status == "ok" || materials[idx].status == "submitted")
      FailField(pointer, "not_missing", "「" + materials[idx].name + "」已提交，无需容缺",
                materials[idx].name + " is in hand; it needs no deficiency");
  }
  // The key materials must be complete: everything outstanding must be among the deficient ones.
  std::vector<const CaseMaterial*> others;
  for (const auto* m : Outstanding(materials))
    if (std::find(a.in.deficiency.begin(), a.in.deficiency.end(), m->index) == a.in.deficiency.end())
      others.push_back(m);
  if (!others.empty())
    FailOutstanding(others, "容缺受理只允许次要材料缺失，以下材料仍需提交：", "Only the listed minor materials may be missing");
  MarkSubmittedOk(a.env, c);
  StartReview(a.env, c, a.loaded, today);
  const auto decision = clocks::Open(a.env.tx, c.id, "decision");
  // 容缺: the promise may not lie beyond the committed limit.
  if (*promised < today || *promised > *time::Date::Parse(decision->due_on))
    FailField("/promised_on", "out_of_range",
              "承诺补齐日期应在今天到承诺办结日期（" + decision->due_on + "）之间",
              "The promise must fall between today and the committed due date " + decision->due_on);
  std::vector<std::string> names;
  for (int idx : a.in.deficiency) {
    materials[idx].deficiency = true;
    store::UpdateMaterial(a.env.tx, c.id, materials[idx]);
    names.push_back(materials[idx].name);
  }
  const auto days = a.env.calendar.WorkingDaysBetween(today, *promised).days;
  auto clock = clocks::Start(a.env.tx, a.env.calendar, c.id, "deficiency", today, static_cast<int>(days),
                             static_cast<int>(days));
  clock.due_on = promised->ToString();
  store::UpdateClock(a.env.tx, clock);
  c.deficiency = {{"materials", a.in.deficiency}, {"promised_on", promised->ToString()}, {"note", a.in.note}};
  a.event.step_name = StepName(a.loaded, 0);
  a.event.detail = c.deficiency;
  IssueNotice(a.env, c, "deficiency_notice", {names, "", "", "请于 " + promised->ToString() + " 前补齐上述材料，逾期未补齐的将终止办理。"});
}

void RequestSupplement(ActionContext& a) {
  Case& c = a.c();
  if (a.in.materials.empty())
    FailField("/materials", "required", "一次性告知须列出全部需补正的材料", "List every material to supply or correct");
  auto materials = store::Materials(a.env.tx, c.id);
  std::vector<std::string> items;
  nlohmann::json listed = nlohmann::json::array();
  for (std::size_t i = 0; i < a.in.materials.size(); ++i) {
    const auto& mark = a.in.materials[i];
    const auto pointer = fmt::format("/materials/{}", i);
    if (mark.index < 0 || mark.index >= static_cast<int>(materials.size()))
      FailField(pointer + "/index", "unknown", "没有这项材料", "No such material");
    if (mark.status != "missing" && mark.status != "faulty")
      FailField(pointer + "/status", "enum", "状态应为 missing 或 faulty", "status must be missing or faulty");
    if (mark.status == "faulty" && mark.reason.find_first_not_of(' ') == std::string::npos)
      FailField(pointer + "/reason", "required", "需更正的材料必须说明原因", "A faulty material needs the reason");
    auto& m = materials[mark.index];
    m.status = mark.status;
    m.reason = mark.reason;
    store::UpdateMaterial(a.env.tx, c.id, m);
    items.push_back(m.name + (mark.status == "missing" ? "（未提交）" : "（需更正）") +
                    (mark.reason.empty() ? "" : "：" + mark.reason));
    listed.push_back({{"index", m.index}, {"status", m.status}, {"reason", m.reason}});
  }
  // Asking is the decision art. 32 requires within 5 working days: the acceptance clock stops.
  clocks::Stop(a.env.tx, c.id, "acceptance", a.today());
  a.event.detail = {{"materials", listed}, {"note", a.in.note}};
  IssueNotice(a.env, c, "supplement_notice", {items, "", "", a.in.note});
}

void ProposeRejection(ActionContext& a) {
  Case& c = a.c();
  if (a.in.legal_basis.find_first_not_of(' ') == std::string::npos)
    FailField("/legal_basis", "required", "不予受理须写明法律依据", "A refusal needs its legal basis");
  c.pending_refusal = {{"reason", a.in.reason},
                       {"legal_basis", a.in.legal_basis},
                       {"proposed_by", a.caller.principal.display_name},
                       {"proposed_at", time::FormatRfc3339(a.env.now)}};
  a.event.detail = c.pending_refusal;
  if (c.hall_id)
    NotifyStaff(a.env, *c.hall_id, "hall_supervisor", "cases.refusal_pending", "不予受理待确认：" + c.number,
                c.item_name + "：" + a.in.reason, fmt::format("/cases/detail/{}", c.id));
}

void ConfirmRejection(ActionContext& a) {
  Case& c = a.c();
  clocks::Stop(a.env.tx, c.id, "acceptance", a.today());
  c.pending_refusal["confirmed_by"] = a.caller.principal.display_name;
  const auto reason = c.pending_refusal.value("reason", "");
  const auto basis = c.pending_refusal.value("legal_basis", "");
  a.event.reason = reason;
  a.event.detail = {{"legal_basis", basis}, {"note", a.in.note}};
  IssueNotice(a.env, c, "rejection_notice", {{}, reason, basis, ""});
}

void OverturnRejection(ActionContext& a) {
  Case& c = a.c();
  a.event.detail = {{"proposal", c.pending_refusal}};
  c.pending_refusal = nullptr;
}

void Issue(ActionContext& a) {
  Case& c = a.c();
  const auto& method = a.in.method;
  if (method != "pickup" && method != "mail" && method != "electronic")
    FailField("/method", "enum", "出件方式应为 pickup（窗口领取）、mail（邮寄）或 electronic（电子送达）",
              "method must be pickup, mail or electronic");
  if (method == "mail" && a.in.tracking_number.find_first_not_of(' ') == std::string::npos)
    FailField("/tracking_number", "required", "邮寄送达须填写快递单号", "Mail delivery needs the tracking number");
  clocks::Stop(a.env.tx, c.id, "delivery", a.today());
  c.delivery = {{"method", method},
                {"tracking_number", a.in.tracking_number},
                {"by", a.caller.principal.display_name},
                {"at", time::FormatRfc3339(a.env.now)}};
  a.event.detail = c.delivery;
  a.event.step_name = a.loaded.plan.steps.back().name;
  const std::string how = method == "pickup" ? "请携带身份证件到窗口领取" : method == "mail" ? "已邮寄，快递单号 " + a.in.tracking_number : "已电子送达，可在“我的办件”下载";
  NotifyApplicant(a.env, c, "cases.issued", "办件已出件：" + c.item_name, c.number + "：" + how);
}

void Complete(ActionContext& a) { a.event.detail = {{"note", a.in.note}}; }

void Withdraw(ActionContext& a) {
  StopAllClocks(a.env, a.c());
  a.event.detail = {{"note", a.in.note}};
}

}  // namespace tongban::cases
