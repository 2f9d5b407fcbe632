#include "platform/jobs/routes.hpp"

#include <charconv>
#include <set>

#include "platform/errors/error.hpp"
#include "platform/http/paging.hpp"
#include "platform/jobs/store.hpp"

namespace tongban::jobs {
namespace {

nlohmann::json ToJson(const Job& j) {
  nlohmann::json out = {{"id", j.id},
                        {"kind", j.kind},
                        {"state", ToString(j.state)},
                        {"run_at", time::FormatRfc3339(j.run_at)},
                        {"attempts", j.attempts},
                        {"max_attempts", j.max_attempts},
                        {"last_error", j.last_error ? nlohmann::json(*j.last_error) : nlohmann::json()},
                        {"dedupe_key", j.dedupe_key ? nlohmann::json(*j.dedupe_key) : nlohmann::json()},
                        {"created_at", time::FormatRfc3339(j.created_at)},
                        {"finished_at", j.finished_at ? nlohmann::json(time::FormatRfc3339(*j.finished_at)) : nlohmann::json()}};
  try {
    out["payload"] = nlohmann::json::parse(j.payload);
  } catch (...) {
    out["payload"] = j.payload;
  }
  return out;
}

std::int64_t ParseId(const std::string& text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0)
    throw Error::BadRequest("http.bad_id", "编号应为正整数", "The id must be a positive integer");
  return id;
}

http::Response List(AppContext& ctx, http::Request& request) {
  const auto paging = http::ParsePaging(request);
  JobStore::ListFilter filter;
  filter.state = request.QueryParam("state");
  filter.kind = request.QueryParam("kind");
  filter.page = paging.page;
  filter.size = paging.size;
  static const std::set<std::string> kStates = {"queued", "running", "done", "dead"};
  if (filter.state && !kStates.count(*filter.state))
    throw Error::BadRequest("jobs.bad_state", "state 应为 queued、running、done 或 dead",
                            "state must be queued, running, done or dead");
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& j : JobStore::List(tx, filter, &total)) items.push_back(ToJson(j));
  return http::Response::Json(http::PageJson(std::move(items), total, paging));
}

http::Response Retry(AppContext& ctx, http::Request& request) {
  const std::int64_t id = ParseId(request.Param("id"));
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  const auto job = JobStore::Find(tx, id);
  if (!job) throw Error::NotFound("jobs.not_found", "没有这个任务", "No such job");
  if (!JobStore::Retry(tx, id, ctx.clock.Now()))
    throw Error::Conflict("jobs.not_dead", "只有失败终止的任务可以重试", "Only a dead job can be retried")
        .WithDetails({{"state", ToString(job->state)}});
  const auto updated = JobStore::Find(tx, id);
  // Through the context's hook: platform code must not include a domain module (audit).
  if (!ctx.audit) throw Error::Internal("jobs.no_audit", "no audit hook registered; refusing an unaudited change");
  ctx.audit(tx, request, "system.job.retry", "job", std::to_string(id), {{"kind", job->kind}});
  tx.Commit();
  ctx.jobs.Poke();
  return http::Response::Json(ToJson(*updated));
}

}  // namespace

void RegisterRoutes(http::Router& router, AppContext& ctx) {
  router.AddAll({
      {"GET", "/api/v1/system/jobs", "system.job.read", [&ctx](http::Request& r) { return List(ctx, r); }},
      {"POST", "/api/v1/system/jobs/{id}/retry", "system.job.edit", [&ctx](http::Request& r) { return Retry(ctx, r); }},
  });
}

}  // namespace tongban::jobs
