#pragma once
// The SQL of the job table, and the only code that touches it.
#include <vector>

#include "platform/db/database.hpp"
#include "platform/jobs/job.hpp"

namespace tongban::jobs {

class JobStore {
 public:
  // Inserts in the caller's transaction (the outbox pattern: the job exists iff the change that
  // asked for it commits). Returns the id, or nullopt when dedupe_key already exists.
  static std::optional<std::int64_t> Insert(db::Tx& tx, const NewJob& job, time::Instant now);

  // Leases up to `limit` due jobs (queued and due, or running with an expired lease) to `worker`
  // until `lease_until`, counting an attempt. PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent
  // servers take disjoint jobs; SQLite: the write transaction's lock serialises claimers.
  static std::vector<Job> Claim(db::Tx& tx, const std::string& worker, time::Instant now,
                                time::Instant lease_until, int limit);

  // Marks done if `worker` still holds the lease; false when it lost it (the change must then be
  // rolled back: another server is running the job).
  static bool MarkDone(db::Tx& tx, std::int64_t id, const std::string& worker, time::Instant now);
  // After a failure: back to queued at `retry_at`, or dead when attempts are used up.
  static void MarkFailed(db::Tx& tx, const Job& job, const std::string& worker, const std::string& error,
                         time::Instant now, time::Instant retry_at);
  // A dead job queued again with a fresh set of attempts (an operator's decision). False if not dead.
  static bool Retry(db::Tx& tx, std::int64_t id, time::Instant now);

  struct ListFilter {
    std::optional<std::string> state;
    std::optional<std::string> kind;
    int page = 1, size = 20;
  };
  static std::vector<Job> List(db::Tx& tx, const ListFilter& filter, std::int64_t* total);
  static std::optional<Job> Find(db::Tx& tx, std::int64_t id);
};

}  // namespace tongban::jobs
