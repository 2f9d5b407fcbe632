#include "platform/ops/test_routes.hpp"

#include "platform/errors/error.hpp"

namespace tongban::ops {
namespace {

// Every run of a "test.record" job leaves a row here, so a test can count runs per job.
constexpr const char* kCreateRunsTable =
    "CREATE TABLE IF NOT EXISTS test_job_runs (job_id BIGINT NOT NULL, worker TEXT NOT NULL, at BIGINT NOT NULL)";

http::Response GetClock(AppContext& ctx, http::Request&) {
  return http::Response::Json({{"now", time::FormatRfc3339(ctx.clock.Now())}, {"manual", ctx.test_clock != nullptr}});
}

http::Response SetClock(AppContext& ctx, http::Request& request) {
  if (!ctx.test_clock)
    throw Error::Conflict("test.clock_not_manual", "服务未以 --test-clock 启动", "The server was not started with --test-clock");
  const auto body = request.JsonObjectBody();
  if (body.contains("now")) {
    const auto at = body["now"].is_string() ? time::ParseRfc3339(body["now"].get<std::string>()) : std::nullopt;
    if (!at)
      throw Error::Unprocessable("test.bad_time", "now 应为 RFC 3339 时间", "now must be an RFC 3339 time",
                                 {{"/now", "format", "应为 RFC 3339 时间", "must be an RFC 3339 time"}});
    ctx.test_clock->Set(*at);
  } else if (body.contains("advance_seconds") && body["advance_seconds"].is_number()) {
    ctx.test_clock->Advance(std::chrono::microseconds(
        static_cast<std::int64_t>(body["advance_seconds"].get<double>() * 1'000'000)));
  } else {
    throw Error::Unprocessable("test.bad_clock_request", "需要 now 或 advance_seconds", "Give now or advance_seconds");
  }
  return GetClock(ctx, request);
}

http::Response EnqueueTestJobs(AppContext& ctx, http::Request& request) {
  const auto body = request.JsonObjectBody();
  const int count = body.value("count", 1);
  const int fail_times = body.value("fail_times", 0);
  if (count < 1 || count > 100'000)
    throw Error::Unprocessable("test.bad_count", "count 应在 1 到 100000 之间", "count must be 1..100000");
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  tx.Exec(kCreateRunsTable);
  for (int i = 0; i < count; ++i)
    jobs::Enqueue(tx, ctx.clock,
                  {"test.record", nlohmann::json{{"fail_times", fail_times}}.dump(), std::nullopt, std::nullopt,
                   body.value("max_attempts", 5)});
  tx.Commit();
  ctx.jobs.Poke();
  return http::Response::Json({{"enqueued", count}}, 201);
}

http::Response TestJobRuns(AppContext& ctx, http::Request&) {
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  tx.Exec(kCreateRunsTable);
  auto runs = tx.QueryOne("SELECT COUNT(*), COUNT(DISTINCT job_id) FROM test_job_runs");
  auto jobs = tx.Query("SELECT state, COUNT(*) FROM jobs WHERE kind = 'test.record' GROUP BY state");
  auto workers = tx.Query("SELECT worker, COUNT(*) FROM test_job_runs GROUP BY worker");
  tx.Commit();
  nlohmann::json by_state = nlohmann::json::object(), by_worker = nlohmann::json::object();
  for (const auto& r : jobs.rows) by_state[r.Text(0)] = r.Int(1);
  for (const auto& r : workers.rows) by_worker[r.Text(0)] = r.Int(1);
  return http::Response::Json({{"runs", runs->Int(0)},
                               {"distinct_jobs", runs->Int(1)},
                               {"jobs_by_state", by_state},
                               {"runs_by_worker", by_worker}});
}

}  // namespace

void RegisterTestRoutes(http::Router& router, AppContext& ctx) {
  const std::string test(http::kTestOnly);
  router.AddAll({
      {"GET", "/api/v1/test/clock", test, [&ctx](http::Request& r) { return GetClock(ctx, r); }},
      {"PUT", "/api/v1/test/clock", test, [&ctx](http::Request& r) { return SetClock(ctx, r); }},
      {"POST", "/api/v1/test/jobs", test, [&ctx](http::Request& r) { return EnqueueTestJobs(ctx, r); }},
      {"GET", "/api/v1/test/jobs/runs", test, [&ctx](http::Request& r) { return TestJobRuns(ctx, r); }},
      // Sleeps on a worker thread: lets tests fill the pool (503) and watch a drain finish a request.
      {"GET", "/api/v1/test/sleep", test,
       [](http::Request& r) {
         const int ms = std::stoi(r.QueryParam("ms").value_or("100"));
         std::this_thread::sleep_for(std::chrono::milliseconds(std::clamp(ms, 0, 30'000)));
         return http::Response::Json({{"slept_ms", ms}});
       }},
      // Throws an unexpected exception: the server must answer 500 problem+json and keep serving.
      {"GET", "/api/v1/test/crash", test,
       [](http::Request&) -> http::Response { throw std::runtime_error("deliberate failure for the test suite"); }},
      {"POST", "/api/v1/test/echo", test,
       [](http::Request& r) {
         return http::Response::Json({{"received", r.JsonBody()}, {"client_addr", r.client_addr}});
       }},
  });
}

void RegisterTestJobHandlers(jobs::JobRunner& runner, AppContext& ctx) {
  runner.Register("test.record", [&ctx, worker = runner.worker_id()](db::Tx& tx, const jobs::Job& job) {
    // Fails its first `fail_times` attempts, to exercise retry and dead-lettering.
    const auto payload = nlohmann::json::parse(job.payload);
    if (job.attempts <= payload.value("fail_times", 0)) throw std::runtime_error("planned failure");
    tx.Exec("INSERT INTO test_job_runs (job_id, worker, at) VALUES (?, ?, ?)",
            {job.id, worker, time::ToMicros(ctx.clock.Now())});
  });
}

}  // namespace tongban::ops
