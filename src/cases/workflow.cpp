#include "cases/workflow.hpp"

namespace tongban::cases {

std::string StepPlan::KindOf(int index) const {
  if (index < first_review) return "acceptance";
  if (index == decision) return "decision";
  if (index > decision) return "issue";
  return "review";
}

StepPlan PlanOf(const catalog::Workflow& workflow) {
  StepPlan plan;
  plan.steps = workflow.steps;
  if (plan.steps.empty()) plan.steps.push_back({"审批决定", "approver", 0});
  const int n = static_cast<int>(plan.steps.size());
  int first = 0;
  while (first < n && plan.steps[first].role == kWindowRole) ++first;
  int last = n - 1;
  while (last >= first && plan.steps[last].role == kWindowRole) --last;
  if (first > last) {
    // Every step is the window's: accepted and decided there (即办件).
    plan.first_review = n - 1;
    plan.decision = n - 1;
  } else {
    plan.first_review = first;
    plan.decision = last;
  }
  return plan;
}

}  // namespace tongban::cases
