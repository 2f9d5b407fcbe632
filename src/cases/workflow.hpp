#pragma once
// How an item's workflow steps (catalog::Workflow) map onto the lifecycle. The catalogue lists the
// whole handling, window included (受理 → 审查 → 决定 → 出件); the lifecycle has its own actions for
// the window's parts, so: leading window_clerk steps are the acceptance (`accept`), trailing
// window_clerk steps the issue (`issue`), and the steps between are reviewed in turn, the last of
// them being the decision step (`approve` / `deny`). An item whose steps are all window steps
// (即办件) is decided at the window: its last step is the decision step.
#include <string>
#include <vector>

#include "catalog/model.hpp"

namespace tongban::cases {

inline constexpr const char* kWindowRole = "window_clerk";

struct StepPlan {
  std::vector<catalog::WorkflowStep> steps;
  int first_review = 0;  // index of the first step taken in review
  int decision = 0;      // index of the decision step (≥ first_review)

  bool IsDecision(int index) const { return index == decision; }
  // "acceptance" | "review" | "decision" | "issue"
  std::string KindOf(int index) const;
  const catalog::WorkflowStep& At(int index) const { return steps.at(static_cast<std::size_t>(index)); }
};

// An empty workflow is read as one decision step taken by an approver.
StepPlan PlanOf(const catalog::Workflow& workflow);

}  // namespace tongban::cases
