#pragma once
// The tamper-evident record of every change (DESIGN.md rule 2). Every module calls Record() in
// the transaction of its change, so the record exists iff the change commits.
//
// The chain: record n stores prev_hash = hash of record n-1 (64 zeros for the first) and
//   hash = SHA-256 hex of (prev_hash + "\n" + CanonicalText(record))
// where CanonicalText is the JSON object of every stored field but `hash` and `change`, keys
// sorted, no spaces; `digest` (SHA-256 hex of the change text) stands for the change. So editing
// any field, or the change, or deleting or inserting a row, breaks the chain at that row.
//
// Someone with write access could rewrite every row and recompute every hash. Checkpoints catch
// that: once a day a job signs (Ed25519, key sealed under the KEK) the message
//   "tongban-audit-checkpoint/v1\n<day>\n<seq>\n<head_hash>"
// and publishes it; Verify checks each checkpoint's signature and that the chain still has that
// hash at that seq. Anyone holding a copy of the published checkpoints can run the same check.
#include <functional>

#include <nlohmann/json.hpp>

#include "audit/model.hpp"
#include "platform/db/database.hpp"
#include "platform/http/request.hpp"
#include "platform/pii/pii.hpp"

namespace tongban::audit {

inline constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// The caller of an HTTP request as an actor (anonymous callers are "anonymous").
Actor ActorFrom(const http::Request& request);
// The platform itself: jobs, 秒批, the demo loader.
Actor SystemActor();

// Appends one record in `tx` (a write transaction) and returns it. `change` must hold no personal
// data in clear: mask it (platform/pii). Serializes with concurrent appenders for the rest of `tx`.
Record Append(db::Tx& tx, time::Instant now, const Actor& actor, std::string action, std::string object_type,
              std::string object_id, const nlohmann::json& change = nlohmann::json::object());

// The canonical text hashed for a record (see above), and the hash of a record.
std::string CanonicalText(const Record& record);
std::string ComputeHash(const Record& record);
std::string CheckpointMessage(const Checkpoint& checkpoint);

// Newest first, filtered; `total` receives the count of all matches.
std::vector<Record> List(db::Tx& tx, const RecordFilter& filter, std::int64_t* total);

// Signs the current head as the checkpoint of `day` (YYYY-MM-DD), in `tx`. Makes the signing key on
// first use. Returns false (and changes nothing) when `day` already has one.
bool CreateCheckpoint(db::Tx& tx, const pii::Vault& vault, time::Instant now, const std::string& day);
std::vector<Checkpoint> Checkpoints(db::Tx& tx);

// Walks the whole chain in `tx` (read-only), then every checkpoint. Stops at the first problem.
// `external` (e.g. a saved copy of the published list) is checked too when not empty, so a database
// whose checkpoints were replaced as well is still caught.
VerifyReport Verify(db::Tx& tx, const std::vector<Checkpoint>& external = {});

}  // namespace tongban::audit
