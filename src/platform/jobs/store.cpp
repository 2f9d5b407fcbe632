#include "platform/jobs/store.hpp"

namespace tongban::jobs {
namespace {

constexpr const char* kColumns =
    "id, kind, payload, state, run_at, attempts, max_attempts, locked_by, last_error, dedupe_key, created_at, "
    "finished_at";

constexpr const char* kInsert =
    "INSERT INTO jobs (kind, payload, state, run_at, max_attempts, dedupe_key, created_at) "
    "VALUES (?, ?, 'queued', ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id";

// The inner SELECT picks due jobs; the outer UPDATE leases them. {lock} is FOR UPDATE SKIP LOCKED
// on PostgreSQL and empty on SQLite (whose BEGIN IMMEDIATE already excludes other writers).
constexpr const char* kClaimTemplate =
    "UPDATE jobs SET state = 'running', locked_by = ?, locked_until = ?, attempts = attempts + 1 "
    "WHERE id IN (SELECT id FROM jobs WHERE (state = 'queued' AND run_at <= ?) "
    "OR (state = 'running' AND locked_until < ?) ORDER BY run_at, id LIMIT ?{lock}) "
    "RETURNING id, kind, payload, state, run_at, attempts, max_attempts, locked_by, last_error, dedupe_key, "
    "created_at, finished_at";

constexpr const char* kMarkDone =
    "UPDATE jobs SET state = 'done', finished_at = ?, locked_by = NULL, locked_until = NULL, last_error = NULL "
    "WHERE id = ? AND locked_by = ? AND state = 'running'";

constexpr const char* kMarkRetry =
    "UPDATE jobs SET state = 'queued', run_at = ?, locked_by = NULL, locked_until = NULL, last_error = ? "
    "WHERE id = ? AND locked_by = ? AND state = 'running'";

constexpr const char* kMarkDead =
    "UPDATE jobs SET state = 'dead', finished_at = ?, locked_by = NULL, locked_until = NULL, last_error = ? "
    "WHERE id = ? AND locked_by = ? AND state = 'running'";

constexpr const char* kRetryDead =
    "UPDATE jobs SET state = 'queued', run_at = ?, attempts = 0, finished_at = NULL WHERE id = ? AND state = 'dead'";

JobState ParseState(const std::string& s) {
  if (s == "running") return JobState::kRunning;
  if (s == "done") return JobState::kDone;
  if (s == "dead") return JobState::kDead;
  return JobState::kQueued;
}

Job FromRow(const db::Row& r) {
  Job j;
  j.id = r.Int(0);
  j.kind = r.Text(1);
  j.payload = r.Text(2);
  j.state = ParseState(r.Text(3));
  j.run_at = time::FromMicros(r.Int(4));
  j.attempts = static_cast<int>(r.Int(5));
  j.max_attempts = static_cast<int>(r.Int(6));
  j.locked_by = r.OptText(7);
  j.last_error = r.OptText(8);
  j.dedupe_key = r.OptText(9);
  j.created_at = time::FromMicros(r.Int(10));
  if (!r.IsNull(11)) j.finished_at = time::FromMicros(r.Int(11));
  return j;
}

std::string ClaimSql(db::Dialect d) {
  std::string sql = kClaimTemplate;
  sql.replace(sql.find("{lock}"), 6, d == db::Dialect::kPostgres ? " FOR UPDATE SKIP LOCKED" : "");
  return sql;
}

}  // namespace

const char* ToString(JobState state) {
  switch (state) {
    case JobState::kQueued: return "queued";
    case JobState::kRunning: return "running";
    case JobState::kDone: return "done";
    default: return "dead";
  }
}

std::optional<std::int64_t> JobStore::Insert(db::Tx& tx, const NewJob& job, time::Instant now) {
  auto row = tx.QueryOne(kInsert, {job.kind, job.payload, time::ToMicros(job.run_at.value_or(now)), job.max_attempts,
                                   job.dedupe_key, time::ToMicros(now)});
  if (!row) return std::nullopt;
  return row->Int(0);
}

std::vector<Job> JobStore::Claim(db::Tx& tx, const std::string& worker, time::Instant now, time::Instant lease_until,
                                 int limit) {
  static const std::string kPg = ClaimSql(db::Dialect::kPostgres), kSqlite = ClaimSql(db::Dialect::kSqlite);
  const auto micros = time::ToMicros(now);
  db::Result r = tx.Query(tx.dialect() == db::Dialect::kPostgres ? kPg : kSqlite,
                          {worker, time::ToMicros(lease_until), micros, micros, limit});
  std::vector<Job> out;
  for (const auto& row : r.rows) out.push_back(FromRow(row));
  return out;
}

bool JobStore::MarkDone(db::Tx& tx, std::int64_t id, const std::string& worker, time::Instant now) {
  return tx.Exec(kMarkDone, {time::ToMicros(now), id, worker}) == 1;
}

void JobStore::MarkFailed(db::Tx& tx, const Job& job, const std::string& worker, const std::string& error,
                          time::Instant now, time::Instant retry_at) {
  const std::string clipped = error.substr(0, 2000);
  if (job.attempts >= job.max_attempts)
    tx.Exec(kMarkDead, {time::ToMicros(now), clipped, job.id, worker});
  else
    tx.Exec(kMarkRetry, {time::ToMicros(retry_at), clipped, job.id, worker});
}

bool JobStore::Retry(db::Tx& tx, std::int64_t id, time::Instant now) {
  return tx.Exec(kRetryDead, {time::ToMicros(now), id}) == 1;
}

std::vector<Job> JobStore::List(db::Tx& tx, const ListFilter& f, std::int64_t* total) {
  std::string where = " WHERE 1=1";
  db::Params params;
  if (f.state) where += " AND state = ?", params.emplace_back(*f.state);
  if (f.kind) where += " AND kind = ?", params.emplace_back(*f.kind);
  if (total) *total = tx.QueryOne("SELECT COUNT(*) FROM jobs" + where, params)->Int(0);
  params.emplace_back(f.size);
  params.emplace_back((f.page - 1) * f.size);
  db::Result r = tx.Query(std::string("SELECT ") + kColumns + " FROM jobs" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                          params);
  std::vector<Job> out;
  for (const auto& row : r.rows) out.push_back(FromRow(row));
  return out;
}

std::optional<Job> JobStore::Find(db::Tx& tx, std::int64_t id) {
  auto row = tx.QueryOne(std::string("SELECT ") + kColumns + " FROM jobs WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

}  // namespace tongban::jobs
