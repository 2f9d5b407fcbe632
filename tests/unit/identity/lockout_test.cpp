// Lockout rules: per account AND address, the threshold locks even the right password until the
// lock ends; the account-wide slowdown spares addresses that have logged in before.
#include "identity/lockout.hpp"

#include <gtest/gtest.h>

namespace tongban::identity {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const time::Instant kNow = time::FromMicros(1'800'000'000'000'000);

TEST(LockoutTest, FifthFailureInARowLocksForTheLockTime) {
  LockoutPolicy policy;  // 5 failures, 15 minutes
  LockCounter c;
  for (int i = 1; i <= 4; ++i) {
    c = AfterFailure(policy, c, kNow);
    EXPECT_EQ(c.failures, i);
    EXPECT_FALSE(c.locked_until);
    EXPECT_EQ(CheckGate(policy, c, {}, false, kNow).gate, Gate::kOpen);
  }
  c = AfterFailure(policy, c, kNow);
  ASSERT_TRUE(c.locked_until);
  EXPECT_EQ(*c.locked_until, kNow + minutes(15));
  EXPECT_EQ(c.failures, 0) << "the count restarts after a lock";
  const auto during = CheckGate(policy, c, {}, true, kNow + minutes(14));
  EXPECT_EQ(during.gate, Gate::kLocked) << "locked even from a familiar address, even for the right password";
  EXPECT_EQ(*during.locked_until, kNow + minutes(15));
  EXPECT_EQ(CheckGate(policy, c, {}, false, kNow + minutes(15)).gate, Gate::kOpen) << "the lock ends on time";
}

TEST(LockoutTest, ThresholdIsConfigurable) {
  LockoutPolicy policy;
  policy.threshold = 3;
  policy.lock = minutes(1);
  LockCounter c;
  c = AfterFailure(policy, c, kNow);
  c = AfterFailure(policy, c, kNow);
  EXPECT_FALSE(c.locked_until);
  c = AfterFailure(policy, c, kNow);
  ASSERT_TRUE(c.locked_until);
  EXPECT_EQ(*c.locked_until, kNow + minutes(1));
}

TEST(LockoutTest, AFailureAfterAnExpiredLockStartsAFreshCount) {
  LockoutPolicy policy;
  LockCounter c{0, kNow - minutes(1)};
  c = AfterFailure(policy, c, kNow);
  EXPECT_EQ(c.failures, 1);
  EXPECT_FALSE(c.locked_until);
}

TEST(LockoutTest, AccountWideSlowdownSparesFamiliarAddresses) {
  LockoutPolicy policy;  // 20 within 15 minutes
  std::vector<time::Instant> failures;
  for (int i = 0; i < 20; ++i) failures.push_back(kNow - minutes(10) + seconds(i));
  const auto stranger = CheckGate(policy, {}, failures, false, kNow);
  EXPECT_EQ(stranger.gate, Gate::kThrottled);
  // The oldest failure leaves the window at now - 10 min + 15 min = now + 5 min.
  EXPECT_NEAR(stranger.retry_after_s, 5 * 60 + 1, 1);
  EXPECT_EQ(CheckGate(policy, {}, failures, true, kNow).gate, Gate::kOpen) << "a clerk's usual address still logs in";
  failures.pop_back();
  EXPECT_EQ(CheckGate(policy, {}, failures, false, kNow).gate, Gate::kOpen) << "19 is below the threshold";
}

TEST(LockoutTest, FailuresOutsideTheWindowDoNotCount) {
  LockoutPolicy policy;
  std::vector<time::Instant> failures(30, kNow - minutes(16));
  EXPECT_EQ(CheckGate(policy, {}, failures, false, kNow).gate, Gate::kOpen);
}

}  // namespace
}  // namespace tongban::identity
