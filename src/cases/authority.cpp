#include "cases/authority.hpp"

#include "cases/store.hpp"
#include "platform/errors/error.hpp"

namespace tongban::cases {

bool IsOwnerSide(const Env& env, const Caller& caller, const Case& c) {
  if (caller.applicant && caller.applicant->id == c.applicant_id) return true;
  const auto user = caller.principal.user_id;
  if (c.channel == "window" && c.created_by == user && caller.HasRole(kWindowRole)) return true;
  return c.helper_user_id == user && store::HasConsent(env.tx, c.applicant_id, user, env.Today().ToString());
}

bool IsHallClerk(const Caller& caller, const Case& c) {
  return caller.HasRole(kWindowRole) && c.hall_id == caller.principal.department_id;
}

bool IsHallSupervisor(const Caller& caller, const Case& c) {
  if (!caller.HasRole("hall_supervisor") || !c.hall_id) return false;
  return caller.principal.department_id == *c.hall_id || (caller.scope && caller.scope->count(*c.hall_id));
}

bool InDepartmentScope(const Caller& caller, const Case& c) {
  return !caller.scope || caller.scope->count(c.department_id) > 0;
}

bool HoldsStep(const Caller& caller, const Case& c, const StepPlan& plan, int index) {
  if (index < 0 || index >= static_cast<int>(plan.steps.size())) return false;
  const auto& role = plan.At(index).role;
  if (!caller.HasRole(role)) return false;
  if (role == kWindowRole) return IsHallClerk(caller, c);
  return InDepartmentScope(caller, c);
}

bool IsDepartmentHead(const Caller& caller, const Case& c) {
  return caller.HasRole("department_head") && InDepartmentScope(caller, c);
}

bool CanSee(const Env& env, const Caller& caller, const Case& c, const StepPlan& plan) {
  if (caller.IsSystem() || IsOwnerSide(env, caller, c)) return true;
  if (caller.applicant) return false;
  if (!caller.scope) return true;
  if (caller.scope->count(c.department_id) || (c.hall_id && caller.scope->count(*c.hall_id))) return true;
  return HoldsStep(caller, c, plan, c.step_index);
}

bool IsParty(const Env& env, const Caller& caller, const Case& c, const StepPlan& plan, const Transition& t) {
  if (caller.IsSystem()) return true;
  switch (t.party) {
    case Party::kOwner: return IsOwnerSide(env, caller, c);
    case Party::kHallClerk: return IsHallClerk(caller, c);
    case Party::kHallSupervisor: return IsHallSupervisor(caller, c);
    case Party::kStepRole: return HoldsStep(caller, c, plan, c.step_index);
    case Party::kDecisionRole: return HoldsStep(caller, c, plan, plan.decision);
    case Party::kDepartmentHead: return IsDepartmentHead(caller, c);
    case Party::kIssuer: return IsHallClerk(caller, c) || HoldsStep(caller, c, plan, plan.decision);
    case Party::kOwnerOrClerk: return IsOwnerSide(env, caller, c) || IsHallClerk(caller, c);
    case Party::kDepartmentStaff: return !caller.applicant && InDepartmentScope(caller, c);
  }
  return false;
}

void RequireParty(const Env& env, const Caller& caller, const Case& c, const StepPlan& plan, const Transition& t) {
  if (IsParty(env, caller, c, plan, t)) return;
  std::string zh = std::string("您无权对此办件执行「") + t.name_zh + "」";
  std::string en = std::string("You may not ") + std::string(t.action) + " this case";
  if (t.party == Party::kStepRole || t.party == Party::kDecisionRole) {
    const int index = t.party == Party::kDecisionRole ? plan.decision : c.step_index;
    if (index >= 0 && index < static_cast<int>(plan.steps.size())) {
      zh += "：当前环节「" + plan.At(index).name + "」由办理部门的 " + plan.At(index).role + " 角色办理";
      en += ": the step " + plan.At(index).name + " is taken by the handling department's " + plan.At(index).role;
    }
  }
  throw Error::Forbidden("cases.not_allowed", zh, en);
}

}  // namespace tongban::cases
