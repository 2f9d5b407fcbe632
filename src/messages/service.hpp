#pragma once
// The message centre 消息中心 (issue 6, "nobody has to poll to learn a supplement is wanted"): every
// notice to a user lands here, in the caller's transaction, and — when asked — goes out through the
// outbound sender (SMS / e-mail) by the job messages.send after the transaction commits.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/time/clock.hpp"

namespace tongban::messages {

struct Message {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string kind;    // "cases.supplement_notice", ...
  std::string title;
  std::string body;
  std::string link;    // an app path, e.g. /portal/cases/12
  time::Instant created_at;
  std::optional<time::Instant> read_at;
};

struct NewMessage {
  std::int64_t user_id = 0;
  std::string kind;
  std::string title;
  std::string body;
  std::string link;
  bool outbound = true;  // also send by SMS / e-mail (false for history loaded by the demo)
};

// Stores the message and, when `outbound`, queues its sending. Returns the message id.
std::int64_t Post(db::Tx& tx, time::Instant now, const NewMessage& message);

std::vector<Message> List(db::Tx& tx, std::int64_t user_id, bool unread_only, int offset, int limit,
                          std::int64_t* total);
std::int64_t UnreadCount(db::Tx& tx, std::int64_t user_id);
// 404 messages.not_found when the message is not the user's.
void MarkRead(db::Tx& tx, time::Instant now, std::int64_t user_id, std::int64_t id);
std::int64_t MarkAllRead(db::Tx& tx, time::Instant now, std::int64_t user_id);
std::optional<Message> Find(db::Tx& tx, std::int64_t id);

// Where outbound messages go. A deployment plugs in its SMS gateway or mail relay here; the
// default writes each message to the log, so development and tests see what would be sent.
class Sender {
 public:
  virtual ~Sender() = default;
  // `to` is the user's masked phone (or username when none). Throws to have the job retried.
  virtual void Send(const Message& message, const std::string& to) = 0;
};
std::unique_ptr<Sender> MakeLogSender();

}  // namespace tongban::messages
