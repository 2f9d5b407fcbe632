#include "identity/lockout.hpp"

#include <algorithm>

namespace tongban::identity {

GateDecision CheckGate(const LockoutPolicy& policy, const LockCounter& counter,
                       std::vector<time::Instant> account_failures, bool familiar, time::Instant now) {
  GateDecision d;
  if (counter.locked_until && *counter.locked_until > now) {
    d.gate = Gate::kLocked;
    d.locked_until = counter.locked_until;
    return d;
  }
  const auto window_start = now - policy.throttle_window;
  std::erase_if(account_failures, [&](time::Instant t) { return t <= window_start || t > now; });
  const auto n = static_cast<int>(account_failures.size());
  if (familiar || n < policy.throttle_threshold) return d;
  // The count falls below the threshold once the (n - threshold + 1) oldest failures leave the window.
  std::sort(account_failures.begin(), account_failures.end());
  const auto frees_at = account_failures[static_cast<std::size_t>(n - policy.throttle_threshold)] + policy.throttle_window;
  d.gate = Gate::kThrottled;
  d.retry_after_s = static_cast<int>(std::max<std::int64_t>(
      1, std::chrono::duration_cast<std::chrono::seconds>(frees_at - now).count() + 1));
  return d;
}

LockCounter AfterFailure(const LockoutPolicy& policy, LockCounter counter, time::Instant now) {
  if (counter.locked_until && *counter.locked_until <= now) counter.locked_until.reset();
  counter.failures += 1;
  if (counter.failures >= policy.threshold) {
    counter.failures = 0;
    counter.locked_until = now + policy.lock;
  }
  return counter;
}

}  // namespace tongban::identity
