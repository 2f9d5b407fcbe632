#pragma once
// A background job as the store and handlers see it.
#include <cstdint>
#include <optional>
#include <string>

#include "platform/time/clock.hpp"

namespace tongban::jobs {

enum class JobState { kQueued, kRunning, kDone, kDead };
const char* ToString(JobState state);

struct Job {
  std::int64_t id = 0;
  std::string kind;     // "cases.deadline_scan"
  std::string payload;  // JSON text
  JobState state = JobState::kQueued;
  time::Instant run_at;
  int attempts = 0;     // including the current run
  int max_attempts = 5;
  std::optional<std::string> locked_by;
  std::optional<std::string> last_error;
  std::optional<std::string> dedupe_key;
  time::Instant created_at;
  std::optional<time::Instant> finished_at;
};

struct NewJob {
  std::string kind;
  std::string payload = "{}";
  std::optional<time::Instant> run_at;       // default: now
  std::optional<std::string> dedupe_key;     // a second job with the same key is not created
  int max_attempts = 5;
};

}  // namespace tongban::jobs
