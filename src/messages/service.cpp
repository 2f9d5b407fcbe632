#include "messages/service.hpp"

#include <nlohmann/json.hpp>

#include "platform/errors/error.hpp"
#include "platform/jobs/runner.hpp"
#include <spdlog/spdlog.h>

namespace tongban::messages {
namespace {

constexpr const char* kColumns = "SELECT id, user_id, kind, title, body, link, created_at, read_at FROM messages ";

Message MessageFrom(const db::Row& r) {
  Message m{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), time::FromMicros(r.Int(6)), std::nullopt};
  if (!r.IsNull(7)) m.read_at = time::FromMicros(r.Int(7));
  return m;
}

class LogSender final : public Sender {
 public:
  void Send(const Message& m, const std::string& to) override {
    spdlog::info("outbound message to {} ({}): {} — {}", to, m.kind, m.title, m.body);
  }
};

}  // namespace

std::int64_t Post(db::Tx& tx, time::Instant now, const NewMessage& m) {
  const auto id = tx.InsertReturningId(
      "INSERT INTO messages (user_id, kind, title, body, link, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {m.user_id, m.kind, m.title, m.body, m.link, time::ToMicros(now)});
  if (m.outbound) {
    const time::ManualClock at(now);
    jobs::Enqueue(tx, at, {"messages.send", nlohmann::json{{"message_id", id}}.dump(), std::nullopt, std::nullopt, 5});
  }
  return id;
}

std::vector<Message> List(db::Tx& tx, std::int64_t user_id, bool unread_only, int offset, int limit,
                          std::int64_t* total) {
  const std::string where = std::string("WHERE user_id = ?") + (unread_only ? " AND read_at IS NULL" : "");
  *total = tx.QueryOne("SELECT COUNT(*) FROM messages " + where, {user_id})->Int(0);
  std::vector<Message> out;
  for (const auto& r : tx.Query(kColumns + where + " ORDER BY id DESC LIMIT ? OFFSET ?", {user_id, limit, offset}).rows)
    out.push_back(MessageFrom(r));
  return out;
}

std::int64_t UnreadCount(db::Tx& tx, std::int64_t user_id) {
  return tx.QueryOne("SELECT COUNT(*) FROM messages WHERE user_id = ? AND read_at IS NULL", {user_id})->Int(0);
}

void MarkRead(db::Tx& tx, time::Instant now, std::int64_t user_id, std::int64_t id) {
  auto m = Find(tx, id);
  if (!m || m->user_id != user_id) throw Error::NotFound("messages.not_found", "消息不存在", "No such message");
  tx.Exec("UPDATE messages SET read_at = ? WHERE id = ? AND read_at IS NULL", {time::ToMicros(now), id});
}

std::int64_t MarkAllRead(db::Tx& tx, time::Instant now, std::int64_t user_id) {
  return tx.Exec("UPDATE messages SET read_at = ? WHERE user_id = ? AND read_at IS NULL", {time::ToMicros(now), user_id});
}

std::optional<Message> Find(db::Tx& tx, std::int64_t id) {
  auto r = tx.QueryOne(std::string(kColumns) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return MessageFrom(*r);
}

std::unique_ptr<Sender> MakeLogSender() { return std::make_unique<LogSender>(); }

}  // namespace tongban::messages
