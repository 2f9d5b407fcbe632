#pragma once
// The handlers behind Act (service.hpp), one per action of the lifecycle table, split by who
// takes them: the applicant's and the window's (window_actions.cpp), the department's
// (review_actions.cpp). Internal to the cases services.
#include "cases/internal.hpp"
#include "cases/lifecycle.hpp"

namespace tongban::cases {

struct ActionContext {
  const Env& env;
  const Caller& caller;
  Loaded& loaded;
  const ActionInput& in;
  const Transition& transition;
  Event& event;  // filled by the handler: reason, step, detail
  Case& c() { return loaded.c; }
  time::Date today() const { return env.Today(); }
};
using ActionHandler = void (*)(ActionContext&);

// window_actions.cpp
void Submit(ActionContext& a);
void Accept(ActionContext& a);
void AcceptWithDeficiency(ActionContext& a);
void RequestSupplement(ActionContext& a);
void ProposeRejection(ActionContext& a);
void ConfirmRejection(ActionContext& a);
void OverturnRejection(ActionContext& a);
void Issue(ActionContext& a);
void Complete(ActionContext& a);
void Withdraw(ActionContext& a);
// review_actions.cpp
void Forward(ActionContext& a);
void Return(ActionContext& a);
void SuspendCase(ActionContext& a);
void ResumeCase(ActionContext& a);
void RequestExtension(ActionContext& a);
void ApproveExtension(ActionContext& a);
void Approve(ActionContext& a);
void Deny(ActionContext& a);
void Terminate(ActionContext& a);

// Stops every clock of the case still open (final states).
void StopAllClocks(const Env& env, const Case& c);

}  // namespace tongban::cases
