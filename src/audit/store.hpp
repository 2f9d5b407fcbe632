#pragma once
// The SQL of the audit tables, and the only code that touches them. No update or delete exists.
#include <optional>
#include <vector>

#include "audit/model.hpp"
#include "platform/db/database.hpp"

namespace tongban::audit {

class AuditStore {
 public:
  // Serializes chain appends for the rest of `tx`: PostgreSQL takes a transaction-level advisory
  // lock; on SQLite the write transaction already holds the database's write lock.
  static void LockChain(db::Tx& tx);
  // The last record's seq and hash; nullopt for an empty chain. Call after LockChain.
  static std::optional<std::pair<std::int64_t, std::string>> Head(db::Tx& tx);
  static void Insert(db::Tx& tx, const Record& record);
  // Newest first.
  static std::vector<Record> List(db::Tx& tx, const RecordFilter& filter, std::int64_t* total);
  // Records with seq > after_seq, in chain order, at most `limit`.
  static std::vector<Record> Batch(db::Tx& tx, std::int64_t after_seq, int limit);
  static std::optional<Record> FindBySeq(db::Tx& tx, std::int64_t seq);

  struct SigningKey {
    std::int64_t id = 0;
    std::string public_pem;
    std::string private_sealed;
  };
  // The newest signing key; nullopt when none was made yet.
  static std::optional<SigningKey> CurrentKey(db::Tx& tx);
  static std::int64_t InsertKey(db::Tx& tx, const std::string& public_pem, const std::string& private_sealed,
                                time::Instant now);
  static bool HasCheckpoint(db::Tx& tx, const std::string& day);
  static std::int64_t InsertCheckpoint(db::Tx& tx, const Checkpoint& checkpoint);
  // Oldest first, each with its key's public PEM.
  static std::vector<Checkpoint> Checkpoints(db::Tx& tx);
};

}  // namespace tongban::audit
