#pragma once
// The one table of the case lifecycle (docs/cases.md "States and actions"): every action, the
// states it may start from, where it leads, the permission its route declares, who else must
// hold what, and whether a reason is required. Routes are generated from it; an action from any
// other state is refused naming the ones allowed.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/model.hpp"

namespace tongban::cases {

// Who, beyond the route's permission, may take an action on a given case (authority.cpp).
enum class Party {
  kOwner,           // the applicant, their authorised helper, or the clerk who applied for them
  kHallClerk,       // a window clerk of the case's service hall
  kHallSupervisor,  // the hall's supervisor (大厅负责人)
  kStepRole,        // the current workflow step's role in the handling department
  kDecisionRole,    // the same, at the decision step
  kDepartmentHead,  // department_head of the handling department
  kIssuer,          // a clerk of the hall (统一窗口出件) or the decision role
  kOwnerOrClerk,    // the applicant confirming receipt, or a clerk of the hall
  kDepartmentStaff, // anyone of the handling department with the route's permission
};

struct Transition {
  std::string_view action;        // the URL segment: POST /api/v1/cases/{id}/{action}
  std::vector<State> from;
  std::optional<State> to;        // nullopt: the state stays (steps and extensions move inside it)
  std::string_view permission;    // the route's permission (cases.case.*)
  Party party;
  bool reason_required = false;
  const char* name_zh;
  const char* name_en;
};

const std::vector<Transition>& Transitions();
// 404 cases.unknown_action for an action not in the table.
const Transition& FindTransition(std::string_view action);
// The actions the table allows from `state`, in table order.
std::vector<std::string> ActionsFrom(State state);
// 409 cases.illegal_transition when `t` may not start from `state`; the message names the actions
// allowed from it.
void RequireFrom(const Transition& t, State state);

}  // namespace tongban::cases
