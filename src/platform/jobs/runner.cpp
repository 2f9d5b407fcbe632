#include "platform/jobs/runner.hpp"

#include <spdlog/spdlog.h>

#include "platform/crypto/hash.hpp"
#include "platform/jobs/store.hpp"

namespace tongban::jobs {

JobRunner::JobRunner(db::Database& db, const time::Clock& clock, Metrics& metrics, RunnerOptions options)
    : db_(db), clock_(clock), metrics_(metrics), options_(std::move(options)) {
  if (options_.worker_id.empty()) options_.worker_id = "worker-" + crypto::RandomHex(6);
  metrics_.DescribeCounter("tongban_jobs_total", "Job attempts by kind and outcome (done, retry, dead, lost).");
}

JobRunner::~JobRunner() { Stop(); }

void JobRunner::Register(std::string kind, JobHandler handler) { handlers_[std::move(kind)] = std::move(handler); }

void JobRunner::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void JobRunner::Stop() {
  stopping_ = true;
  Poke();
  if (thread_.joinable()) thread_.join();
}

void JobRunner::Poke() {
  {
    std::lock_guard lock(mu_);
    poked_ = true;
  }
  wake_.notify_all();
}

std::chrono::seconds JobRunner::Backoff(int attempts) {
  return std::chrono::seconds(std::min<std::int64_t>(3600, std::int64_t{1} << std::min(attempts, 12)));
}

void JobRunner::Loop() {
  while (!stopping_) {
    try {
      RunDue();
    } catch (const std::exception& e) {
      // The database may be briefly away; the next poll tries again.
      spdlog::warn("job runner: {}", e.what());
    }
    std::unique_lock lock(mu_);
    wake_.wait_for(lock, options_.poll, [&] { return poked_ || stopping_.load(); });
    poked_ = false;
  }
}

int JobRunner::RunDue() {
  int ran = 0;
  while (!stopping_) {
    std::vector<Job> batch;
    {
      db::Tx tx = db_.Begin(db::TxMode::kWrite);
      const auto now = clock_.Now();
      batch = JobStore::Claim(tx, options_.worker_id, now, now + options_.lease, options_.batch);
      tx.Commit();
    }
    if (batch.empty()) break;
    for (const auto& job : batch) {
      if (stopping_) break;  // unfinished leases expire and other servers take them
      ran += RunOne(job) ? 1 : 0;
    }
  }
  return ran;
}

bool JobRunner::RunOne(const Job& job) {
  std::string error;
  try {
    auto handler = handlers_.find(job.kind);
    if (handler == handlers_.end()) throw std::runtime_error("no handler registered for job kind " + job.kind);
    db::Tx tx = db_.Begin(db::TxMode::kWrite);
    handler->second(tx, job);
    if (!JobStore::MarkDone(tx, job.id, options_.worker_id, clock_.Now())) {
      // Our lease ran out and another server took the job: our changes must not land.
      metrics_.Increment("tongban_jobs_total", {{"kind", job.kind}, {"outcome", "lost"}});
      spdlog::warn("job {} ({}) lost its lease; its changes were rolled back", job.id, job.kind);
      return false;
    }
    tx.Commit();
    metrics_.Increment("tongban_jobs_total", {{"kind", job.kind}, {"outcome", "done"}});
    return true;
  } catch (const std::exception& e) {
    error = e.what();
  }
  const bool dead = job.attempts >= job.max_attempts;
  spdlog::warn("job {} ({}) attempt {}/{} failed: {}", job.id, job.kind, job.attempts, job.max_attempts, error);
  metrics_.Increment("tongban_jobs_total", {{"kind", job.kind}, {"outcome", dead ? "dead" : "retry"}});
  db::Tx tx = db_.Begin(db::TxMode::kWrite);
  const auto now = clock_.Now();
  JobStore::MarkFailed(tx, job, options_.worker_id, error, now, now + Backoff(job.attempts));
  tx.Commit();
  return false;
}

std::optional<std::int64_t> Enqueue(db::Tx& tx, const time::Clock& clock, const NewJob& job) {
  return JobStore::Insert(tx, job, clock.Now());
}

}  // namespace tongban::jobs
