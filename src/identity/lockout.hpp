#pragma once
// The lockout rules of login (DOMAIN.md "Identity and audit"), pure so they are tested alone:
//  - failures in a row are counted per account AND client address; reaching the threshold locks
//    the account for that address only (a stranger elsewhere cannot lock a clerk out), even for
//    the right password, until the lock ends;
//  - an account-wide slowdown: when failures from any address within a window reach a higher
//    threshold, logins from addresses that have not logged in successfully before must wait
//    (429 Retry-After) until the window has moved on.
#include <chrono>
#include <optional>
#include <vector>

#include "platform/time/clock.hpp"

namespace tongban::identity {

struct LockoutPolicy {
  int threshold = 5;
  std::chrono::minutes lock{15};
  int throttle_threshold = 20;
  std::chrono::minutes throttle_window{15};
};

// One (account, address) pair's counter.
struct LockCounter {
  int failures = 0;
  std::optional<time::Instant> locked_until;
};

enum class Gate { kOpen, kLocked, kThrottled };

struct GateDecision {
  Gate gate = Gate::kOpen;
  std::optional<time::Instant> locked_until;  // kLocked
  int retry_after_s = 0;                      // kThrottled
};

// Before the password is checked. `account_failures` are the account's failure times within the
// throttle window (any address, any order); `familiar` is true when this address has logged in
// to this account successfully before.
GateDecision CheckGate(const LockoutPolicy& policy, const LockCounter& counter,
                       std::vector<time::Instant> account_failures, bool familiar, time::Instant now);

// After a wrong password: one more failure; at the threshold the pair locks and the count restarts.
LockCounter AfterFailure(const LockoutPolicy& policy, LockCounter counter, time::Instant now);

}  // namespace tongban::identity
