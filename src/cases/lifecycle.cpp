#include "cases/lifecycle.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "platform/errors/error.hpp"

namespace tongban::cases {
namespace {

struct StateName {
  State state;
  const char* code;
  const char* zh;
  const char* en;
  bool open;
};

const std::vector<StateName>& StateNames() {
  using S = State;
  static const std::vector<StateName> kNames = {
      {S::kDraft, "draft", "草稿", "Draft", true},
      {S::kSubmitted, "submitted", "已提交（待受理）", "Submitted", true},
      {S::kSupplementRequested, "supplement_requested", "待补正", "Supplement requested", true},
      {S::kRefusalPending, "refusal_pending", "不予受理待确认", "Refusal awaiting confirmation", true},
      {S::kInReview, "in_review", "审查中（已受理）", "In review", true},
      {S::kSuspended, "suspended", "已中止（不计时）", "Suspended", true},
      {S::kApproved, "approved", "准予许可（待出件）", "Approved", true},
      {S::kDenied, "denied", "不予许可", "Denied", false},
      {S::kRejected, "rejected", "不予受理", "Rejected", false},
      {S::kIssued, "issued", "已出件", "Issued", true},
      {S::kCompleted, "completed", "已办结", "Completed", false},
      {S::kWithdrawn, "withdrawn", "已撤回", "Withdrawn", false},
      {S::kTerminated, "terminated", "已终止", "Terminated", false},
  };
  return kNames;
}

const StateName& NameOf(State state) {
  for (const auto& n : StateNames())
    if (n.state == state) return n;
  return StateNames().front();
}

}  // namespace

const char* ToString(State state) { return NameOf(state).code; }
const char* StateNameZh(State state) { return NameOf(state).zh; }
const char* StateNameEn(State state) { return NameOf(state).en; }
bool IsOpen(State state) { return NameOf(state).open; }

std::optional<State> ParseState(std::string_view text) {
  for (const auto& n : StateNames())
    if (text == n.code) return n.state;
  return std::nullopt;
}

const std::vector<State>& AllStates() {
  static const std::vector<State> kAll = [] {
    std::vector<State> out;
    for (const auto& n : StateNames()) out.push_back(n.state);
    return out;
  }();
  return kAll;
}

const std::vector<Transition>& Transitions() {
  using S = State;
  using P = Party;
  // Withdrawal and termination reach every open state but those noted (行政许可法 does not let an
  // applicant withdraw a decision already made, so approved and issued are not withdrawable).
  static const std::vector<Transition> kTable = {
      {"submit", {S::kDraft, S::kSupplementRequested}, S::kSubmitted, "cases.case.apply", P::kOwner, false,
       "提交申请", "Submit"},
      {"accept", {S::kSubmitted}, S::kInReview, "cases.case.accept", P::kHallClerk, false, "受理", "Accept"},
      {"accept-with-deficiency", {S::kSubmitted}, S::kInReview, "cases.case.accept", P::kHallClerk, false,
       "容缺受理", "Accept with deficiency"},
      {"request-supplement", {S::kSubmitted}, S::kSupplementRequested, "cases.case.request_material",
       P::kHallClerk, false, "一次性告知补正", "Request supplement"},
      {"propose-rejection", {S::kSubmitted}, S::kRefusalPending, "cases.case.reject", P::kHallClerk, true,
       "提出不予受理", "Propose rejection"},
      {"confirm-rejection", {S::kRefusalPending}, S::kRejected, "cases.case.confirm_refusal", P::kHallSupervisor,
       false, "确认不予受理", "Confirm rejection"},
      {"overturn-rejection", {S::kRefusalPending}, S::kSubmitted, "cases.case.confirm_refusal",
       P::kHallSupervisor, true, "驳回不予受理意见", "Overturn rejection"},
      {"forward", {S::kInReview}, std::nullopt, "cases.case.review", P::kStepRole, false, "提交下一环节",
       "Forward"},
      {"return", {S::kInReview}, std::nullopt, "cases.case.review", P::kStepRole, true, "退回上一环节",
       "Return"},
      {"suspend", {S::kInReview}, S::kSuspended, "cases.case.suspend", P::kStepRole, false, "中止计时",
       "Suspend"},
      {"resume", {S::kSuspended}, S::kInReview, "cases.case.suspend", P::kDepartmentStaff, false, "恢复计时",
       "Resume"},
      {"request-extension", {S::kInReview}, std::nullopt, "cases.case.review", P::kStepRole, true,
       "申请延期", "Request extension"},
      {"approve-extension", {S::kInReview, S::kSuspended}, std::nullopt, "cases.case.extend",
       P::kDepartmentHead, false, "批准延期", "Approve extension"},
      {"approve", {S::kInReview}, S::kApproved, "cases.case.approve", P::kDecisionRole, false, "准予许可",
       "Approve"},
      {"deny", {S::kInReview}, S::kDenied, "cases.case.approve", P::kDecisionRole, true, "不予许可", "Deny"},
      {"issue", {S::kApproved}, S::kIssued, "cases.case.issue", P::kIssuer, false, "出件", "Issue"},
      {"complete", {S::kIssued}, S::kCompleted, "cases.case.read", P::kOwnerOrClerk, false, "办结", "Complete"},
      {"withdraw",
       {S::kDraft, S::kSubmitted, S::kSupplementRequested, S::kRefusalPending, S::kInReview, S::kSuspended},
       S::kWithdrawn, "cases.case.apply", P::kOwner, false, "撤回申请", "Withdraw"},
      {"terminate",
       {S::kSubmitted, S::kSupplementRequested, S::kRefusalPending, S::kInReview, S::kSuspended, S::kApproved},
       S::kTerminated, "cases.case.terminate", P::kDepartmentHead, true, "终止办理", "Terminate"},
  };
  return kTable;
}

const Transition& FindTransition(std::string_view action) {
  for (const auto& t : Transitions())
    if (t.action == action) return t;
  throw Error::NotFound("cases.unknown_action", fmt::format("未知的办件操作：{}", action),
                        fmt::format("Unknown case action: {}", action));
}

std::vector<std::string> ActionsFrom(State state) {
  std::vector<std::string> out;
  for (const auto& t : Transitions())
    if (std::find(t.from.begin(), t.from.end(), state) != t.from.end()) out.emplace_back(t.action);
  return out;
}

void RequireFrom(const Transition& t, State state) {
  if (std::find(t.from.begin(), t.from.end(), state) != t.from.end()) return;
  const auto actions = ActionsFrom(state);
  const std::string allowed = actions.empty() ? std::string("-") : fmt::format("{}", fmt::join(actions, ", "));
  throw Error::Conflict("cases.illegal_transition",
                        fmt::format("办件当前状态为「{}」，不能{}；此状态允许的操作：{}", StateNameZh(state), t.name_zh, allowed),
                        fmt::format("A case in state {} cannot be {}; allowed from it: {}", ToString(state), t.action,
                                    allowed));
}

}  // namespace tongban::cases
