#include "audit/routes.hpp"

#include "audit/service.hpp"
#include "platform/time/date.hpp"
#include "platform/http/input.hpp"
#include "platform/http/paging.hpp"

namespace tongban::audit {
namespace {

nlohmann::json ToJson(const Record& r) {
  nlohmann::json change;
  try {
    change = nlohmann::json::parse(r.change);
  } catch (...) {
    change = r.change;
  }
  return {{"id", r.seq},           {"at", time::FormatRfc3339(r.at)}, {"actor", r.actor},
          {"role", r.role},        {"department", r.department},      {"action", r.action},
          {"object_type", r.object_type}, {"object_id", r.object_id}, {"request_id", r.request_id},
          {"client_addr", r.client_addr}, {"digest", r.digest},       {"prev_hash", r.prev_hash},
          {"hash", r.hash},        {"change", change}};
}

http::Response List(AppContext& ctx, http::Request& request) {
  const auto paging = http::ParsePaging(request);
  RecordFilter filter;
  auto non_empty = [&](const char* name) -> std::optional<std::string> {
    auto v = request.QueryParam(name);
    if (v && v->empty()) return std::nullopt;
    return v;
  };
  filter.actor = non_empty("actor");
  filter.object_type = non_empty("object_type");
  filter.object_id = non_empty("object_id");
  filter.from = http::QueryInstant(request, "from");
  filter.to = http::QueryInstant(request, "to", true);
  filter.offset = paging.offset();
  filter.limit = paging.size;
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : audit::List(tx, filter, &total)) items.push_back(ToJson(r));
  return http::Response::Json(http::PageJson(std::move(items), total, paging));
}

http::Response PublicCheckpoints(AppContext& ctx, http::Request&) {
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : Checkpoints(tx))
    items.push_back({{"day", c.day},
                     {"seq", c.seq},
                     {"head_hash", c.head_hash},
                     {"signed_at", time::FormatRfc3339(c.signed_at)},
                     {"key_id", c.key_id},
                     {"public_key", c.public_key},
                     {"algorithm", "Ed25519"},
                     {"message", CheckpointMessage(c)},
                     {"signature", c.signature}});
  return http::Response::Json({{"items", items},
                               {"hash_algorithm", "SHA-256"},
                               {"message_format", "tongban-audit-checkpoint/v1\\n<day>\\n<seq>\\n<head_hash>"}});
}

}  // namespace

void RegisterRoutes(http::Router& router, AppContext& ctx) {
  ctx.audit = [&ctx](db::Tx& tx, const http::Request& request, const std::string& action,
                     const std::string& object_type, const std::string& object_id, const nlohmann::json& change) {
    Append(tx, ctx.clock.Now(), ActorFrom(request), action, object_type, object_id, change);
  };
  router.AddAll({
      {"GET", "/api/v1/system/audit", "system.audit.read", [&ctx](http::Request& r) { return List(ctx, r); }},
      {"GET", "/api/v1/public/audit/checkpoints", std::string(http::kPublic),
       [&ctx](http::Request& r) { return PublicCheckpoints(ctx, r); }},
  });
}

void RegisterJobHandlers(jobs::JobRunner& runner, AppContext& ctx) {
  runner.Register("audit.checkpoint", [&ctx](db::Tx& tx, const jobs::Job&) {
    const auto now = ctx.clock.Now();
    const std::string today = time::ShanghaiDate(now);
    CreateCheckpoint(tx, *ctx.vault, now, today);
    // Tomorrow at 00:05 Shanghai time.
    const auto date = *time::Date::Parse(today);
    const auto next_day = std::chrono::sys_days{std::chrono::days{date.serial() + 1}};
    const time::Instant next = std::chrono::time_point_cast<std::chrono::microseconds>(next_day) -
                               time::kShanghaiOffset + std::chrono::minutes(5);
    jobs::Enqueue(tx, ctx.clock,
                  {"audit.checkpoint", "{}", next, "audit.checkpoint@" + date.AddDays(1).ToString(), 5});
  });
}

}  // namespace tongban::audit
