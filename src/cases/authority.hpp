#pragma once
// Who may see a case and take each action on it (the Party column of lifecycle.hpp). Internal to
// the cases services.
#include <string>

#include "cases/lifecycle.hpp"
#include "cases/service.hpp"
#include "cases/workflow.hpp"

namespace tongban::cases {

// The applicant themselves, a helper holding their consent today, or the clerk who applied for
// them at the window.
bool IsOwnerSide(const Env& env, const Caller& caller, const Case& c);
bool IsHallClerk(const Caller& caller, const Case& c);
bool IsHallSupervisor(const Caller& caller, const Case& c);
// Holds the role the step at `index` names, where that step is taken: the hall for window steps,
// the handling department (within the caller's scope) for the others.
bool HoldsStep(const Caller& caller, const Case& c, const StepPlan& plan, int index);
bool IsDepartmentHead(const Caller& caller, const Case& c);
bool InDepartmentScope(const Caller& caller, const Case& c);
// Staff who may look at the case: its department or hall in their scope, or its step theirs.
bool CanSee(const Env& env, const Caller& caller, const Case& c, const StepPlan& plan);
// Whether `caller` is the party `t` names for `c` (the step rules need the plan).
bool IsParty(const Env& env, const Caller& caller, const Case& c, const StepPlan& plan, const Transition& t);
// 403 cases.not_allowed naming the action when IsParty is false.
void RequireParty(const Env& env, const Caller& caller, const Case& c, const StepPlan& plan, const Transition& t);

}  // namespace tongban::cases
