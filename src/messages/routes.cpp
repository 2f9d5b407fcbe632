#include "messages/routes.hpp"

#include "messages/service.hpp"
#include "platform/http/input.hpp"
#include "platform/http/paging.hpp"

namespace tongban::messages {
namespace {

nlohmann::json ToJson(const Message& m) {
  return {{"id", m.id},
          {"kind", m.kind},
          {"title", m.title},
          {"body", m.body},
          {"link", m.link},
          {"created_at", time::FormatRfc3339(m.created_at)},
          {"read_at", m.read_at ? nlohmann::json(time::FormatRfc3339(*m.read_at)) : nlohmann::json()}};
}

http::Response ListRoute(AppContext& ctx, http::Request& request) {
  const auto paging = http::ParsePaging(request);
  const bool unread = request.QueryParam("unread").value_or("") == "true";
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : List(tx, request.principal->user_id, unread, paging.offset(), paging.size, &total))
    items.push_back(ToJson(m));
  return http::Response::Json(http::PageJson(items, total, paging));
}

http::Response UnreadRoute(AppContext& ctx, http::Request& request) {
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  return http::Response::Json({{"unread", UnreadCount(tx, request.principal->user_id)}});
}

http::Response ReadRoute(AppContext& ctx, http::Request& request) {
  const auto id = http::ParseId(request.Param("id"));
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  MarkRead(tx, ctx.clock.Now(), request.principal->user_id, id);
  tx.Commit();
  return http::Response::NoContent();
}

http::Response ReadAllRoute(AppContext& ctx, http::Request& request) {
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  const auto n = MarkAllRead(tx, ctx.clock.Now(), request.principal->user_id);
  tx.Commit();
  return http::Response::Json({{"marked", n}});
}

}  // namespace

void RegisterRoutes(http::Router& router, AppContext& ctx) {
  const std::string authed(http::kAuthenticated);
  auto h = [&ctx](http::Response (*f)(AppContext&, http::Request&)) {
    return [&ctx, f](http::Request& r) { return f(ctx, r); };
  };
  router.AddAll({
      {"GET", "/api/v1/messages", authed, h(ListRoute)},
      {"GET", "/api/v1/messages/unread-count", authed, h(UnreadRoute)},
      {"POST", "/api/v1/messages/{id}/read", authed, h(ReadRoute)},
      {"POST", "/api/v1/messages/read-all", authed, h(ReadAllRoute)},
  });
}

void RegisterJobHandlers(jobs::JobRunner& runner, AppContext&) {
  // One sender per server; a deployment replaces MakeLogSender with its gateway.
  static const std::shared_ptr<Sender> sender = MakeLogSender();
  runner.Register("messages.send", [](db::Tx& tx, const jobs::Job& job) {
    const auto id = nlohmann::json::parse(job.payload).at("message_id").get<std::int64_t>();
    const auto message = Find(tx, id);
    if (!message) return;  // deleted with its user: nothing to send
    const auto to = tx.QueryOne("SELECT CASE WHEN phone_masked <> '' THEN phone_masked ELSE username END FROM users WHERE id = ?",
                                {message->user_id});
    sender->Send(*message, to ? to->Text(0) : "?");
  });
}

}  // namespace tongban::messages
