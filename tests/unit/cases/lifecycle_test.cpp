// The lifecycle table and the step plan: what may follow what, and how an item's workflow maps
// onto acceptance, review, decision and issue.
#include <gtest/gtest.h>

#include <algorithm>

#include "cases/lifecycle.hpp"
#include "cases/workflow.hpp"
#include "platform/errors/error.hpp"

namespace tongban::cases {
namespace {

bool Allows(State s, const std::string& action) {
  const auto actions = ActionsFrom(s);
  return std::find(actions.begin(), actions.end(), action) != actions.end();
}

TEST(Lifecycle, EveryStateNameRoundTrips) {
  for (auto s : AllStates()) {
    EXPECT_EQ(ParseState(ToString(s)), s);
    EXPECT_STRNE(StateNameZh(s), "");
  }
  EXPECT_FALSE(ParseState("accepted").has_value());
}

TEST(Lifecycle, FinalStatesAllowNothing) {
  for (auto s : {State::kDenied, State::kRejected, State::kCompleted, State::kWithdrawn, State::kTerminated}) {
    EXPECT_FALSE(IsOpen(s)) << ToString(s);
    EXPECT_TRUE(ActionsFrom(s).empty()) << ToString(s);
  }
}

TEST(Lifecycle, TheWindowDecidesAcceptanceOnlyOnSubmittedCases) {
  EXPECT_TRUE(Allows(State::kSubmitted, "accept"));
  EXPECT_TRUE(Allows(State::kSubmitted, "request-supplement"));
  EXPECT_TRUE(Allows(State::kSubmitted, "propose-rejection"));
  EXPECT_FALSE(Allows(State::kDraft, "accept"));
  EXPECT_FALSE(Allows(State::kSupplementRequested, "accept"));
  EXPECT_FALSE(Allows(State::kInReview, "accept"));
  // 窗口无权否决: only the supervisor's confirmation rejects.
  EXPECT_FALSE(Allows(State::kSubmitted, "confirm-rejection"));
  EXPECT_TRUE(Allows(State::kRefusalPending, "confirm-rejection"));
  EXPECT_EQ(FindTransition("propose-rejection").to, State::kRefusalPending);
  EXPECT_EQ(FindTransition("confirm-rejection").to, State::kRejected);
}

TEST(Lifecycle, SupplementLoopsBackToSubmitted) {
  EXPECT_EQ(FindTransition("request-supplement").to, State::kSupplementRequested);
  EXPECT_TRUE(Allows(State::kSupplementRequested, "submit"));
  EXPECT_EQ(FindTransition("submit").to, State::kSubmitted);
}

TEST(Lifecycle, ReasonsAreRequiredWhereTheLawAsksForThem) {
  for (const char* a : {"propose-rejection", "deny", "return", "terminate", "request-extension", "overturn-rejection"})
    EXPECT_TRUE(FindTransition(a).reason_required) << a;
  for (const char* a : {"accept", "approve", "submit", "forward"}) EXPECT_FALSE(FindTransition(a).reason_required) << a;
}

TEST(Lifecycle, WithdrawalStopsOnceDecided) {
  EXPECT_TRUE(Allows(State::kInReview, "withdraw"));
  EXPECT_TRUE(Allows(State::kSuspended, "withdraw"));
  EXPECT_FALSE(Allows(State::kApproved, "withdraw"));
  EXPECT_FALSE(Allows(State::kIssued, "withdraw"));
}

TEST(Lifecycle, AnIllegalTransitionNamesTheAllowedOnes) {
  try {
    RequireFrom(FindTransition("approve"), State::kSubmitted);
    FAIL() << "approve from submitted was allowed";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
    EXPECT_EQ(e.code(), "cases.illegal_transition");
    EXPECT_NE(e.message_en().find("accept"), std::string::npos) << e.message_en();
    EXPECT_NE(e.message_en().find("request-supplement"), std::string::npos);
    EXPECT_NE(e.message_zh().find("已提交"), std::string::npos);
  }
  EXPECT_NO_THROW(RequireFrom(FindTransition("accept"), State::kSubmitted));
}

TEST(Lifecycle, UnknownActionIsNotFound) {
  try {
    FindTransition("approve-everything");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 404);
  }
}

TEST(Lifecycle, EveryActionNamesACasesPermission) {
  for (const auto& t : Transitions()) EXPECT_EQ(std::string(t.permission).rfind("cases.", 0), 0u) << t.action;
}

catalog::Workflow Steps(std::vector<std::string> roles) {
  catalog::Workflow w;
  for (const auto& r : roles) w.steps.push_back({r + "-step", r, 1});
  return w;
}

TEST(StepPlan, WindowStepsFrameTheReview) {
  const auto plan = PlanOf(Steps({"window_clerk", "reviewer", "approver", "window_clerk"}));
  EXPECT_EQ(plan.first_review, 1);
  EXPECT_EQ(plan.decision, 2);
  EXPECT_EQ(plan.KindOf(0), "acceptance");
  EXPECT_EQ(plan.KindOf(1), "review");
  EXPECT_EQ(plan.KindOf(2), "decision");
  EXPECT_EQ(plan.KindOf(3), "issue");
}

TEST(StepPlan, AllWindowStepsAreDecidedAtTheWindow) {
  const auto plan = PlanOf(Steps({"window_clerk", "window_clerk"}));
  EXPECT_EQ(plan.first_review, 1);
  EXPECT_EQ(plan.decision, 1);
  EXPECT_EQ(plan.At(plan.decision).role, "window_clerk");
}

TEST(StepPlan, NoWindowStepsMeansEveryStepIsReview) {
  const auto plan = PlanOf(Steps({"reviewer", "inspector", "department_head"}));
  EXPECT_EQ(plan.first_review, 0);
  EXPECT_EQ(plan.decision, 2);
}

TEST(StepPlan, AnEmptyWorkflowIsOneApproverDecision) {
  const auto plan = PlanOf(catalog::Workflow{});
  ASSERT_EQ(plan.steps.size(), 1u);
  EXPECT_EQ(plan.At(0).role, "approver");
  EXPECT_TRUE(plan.IsDecision(0));
}

}  // namespace
}  // namespace tongban::cases
