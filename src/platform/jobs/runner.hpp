#pragma once
// Runs background jobs from the job table. Each server runs one JobRunner; N servers on one
// PostgreSQL share the table safely: a job is leased to one server at a time, and its handler's
// changes commit in the same transaction that marks it done, so a job's effect lands exactly once
// even if a server dies mid-run (the lease expires and another server runs it again from scratch).
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "platform/db/database.hpp"
#include "platform/jobs/job.hpp"
#include "platform/metrics/metrics.hpp"

namespace tongban::jobs {

// A handler does its work inside `tx` (which the runner commits) and throws to fail the attempt.
using JobHandler = std::function<void(db::Tx& tx, const Job& job)>;

struct RunnerOptions {
  std::chrono::milliseconds poll{500};
  std::chrono::milliseconds lease{60'000};
  int batch = 8;
  std::string worker_id;  // unique per server process; generated when empty
};

class JobRunner {
 public:
  JobRunner(db::Database& db, const time::Clock& clock, Metrics& metrics, RunnerOptions options);
  ~JobRunner();  // Stop()

  // Register before Start(). A job of an unregistered kind fails its attempts and ends dead,
  // visible to operators, instead of vanishing.
  void Register(std::string kind, JobHandler handler);
  void Start();
  // Finishes the job in hand, then returns. Idempotent.
  void Stop();
  // Wakes the runner now (after enqueueing in this process).
  void Poke();
  // Claims and runs due jobs until none is left; returns how many ran. For tests and `demo`.
  int RunDue();
  const std::string& worker_id() const { return options_.worker_id; }

  // Delay before attempt n+1 after n failures: 2^n seconds, at most an hour.
  static std::chrono::seconds Backoff(int attempts);

 private:
  void Loop();
  bool RunOne(const Job& job);
  db::Database& db_;
  const time::Clock& clock_;
  Metrics& metrics_;
  RunnerOptions options_;
  std::map<std::string, JobHandler> handlers_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool poked_ = false;               // guarded by mu_
  std::atomic<bool> stopping_{false};
};

// Enqueues in the caller's transaction; see JobStore::Insert.
std::optional<std::int64_t> Enqueue(db::Tx& tx, const time::Clock& clock, const NewJob& job);

}  // namespace tongban::jobs
