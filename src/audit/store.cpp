#include "audit/store.hpp"

namespace tongban::audit {
namespace {

// Any fixed number; the audit chain's lock key on PostgreSQL.
constexpr const char* kLockChainPg = "SELECT pg_advisory_xact_lock(7406153001)";
constexpr const char* kHead = "SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1";
constexpr const char* kInsert =
    "INSERT INTO audit_records (seq, at, actor, actor_id, role, department, action, object_type, object_id, "
    "request_id, client_addr, change, digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kColumns =
    "SELECT seq, at, actor, actor_id, role, department, action, object_type, object_id, request_id, client_addr, "
    "change, digest, prev_hash, hash FROM audit_records";
constexpr const char* kCount = "SELECT COUNT(*) FROM audit_records";
constexpr const char* kCurrentKey =
    "SELECT id, public_key, private_key_sealed FROM audit_signing_keys ORDER BY id DESC LIMIT 1";
constexpr const char* kInsertKey =
    "INSERT INTO audit_signing_keys (public_key, private_key_sealed, created_at) VALUES (?, ?, ?) RETURNING id";
constexpr const char* kHasCheckpoint = "SELECT 1 FROM audit_checkpoints WHERE day = ?";
constexpr const char* kInsertCheckpoint =
    "INSERT INTO audit_checkpoints (day, seq, head_hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kCheckpoints =
    "SELECT c.id, c.day, c.seq, c.head_hash, c.signed_at, c.key_id, k.public_key, c.signature "
    "FROM audit_checkpoints c JOIN audit_signing_keys k ON k.id = c.key_id ORDER BY c.id";

Record FromRow(const db::Row& r) {
  Record x;
  x.seq = r.Int(0);
  x.at = time::FromMicros(r.Int(1));
  x.actor = r.Text(2);
  x.actor_id = r.OptInt(3);
  x.role = r.Text(4);
  x.department = r.Text(5);
  x.action = r.Text(6);
  x.object_type = r.Text(7);
  x.object_id = r.Text(8);
  x.request_id = r.Text(9);
  x.client_addr = r.Text(10);
  x.change = r.Text(11);
  x.digest = r.Text(12);
  x.prev_hash = r.Text(13);
  x.hash = r.Text(14);
  return x;
}

}  // namespace

void AuditStore::LockChain(db::Tx& tx) {
  if (tx.dialect() == db::Dialect::kPostgres) tx.Query(kLockChainPg);
}

std::optional<std::pair<std::int64_t, std::string>> AuditStore::Head(db::Tx& tx) {
  auto row = tx.QueryOne(kHead);
  if (!row) return std::nullopt;
  return std::make_pair(row->Int(0), row->Text(1));
}

void AuditStore::Insert(db::Tx& tx, const Record& r) {
  tx.Exec(kInsert, {r.seq, time::ToMicros(r.at), r.actor, r.actor_id, r.role, r.department, r.action, r.object_type,
                    r.object_id, r.request_id, r.client_addr, r.change, r.digest, r.prev_hash, r.hash});
}

std::vector<Record> AuditStore::List(db::Tx& tx, const RecordFilter& f, std::int64_t* total) {
  std::string where = " WHERE 1 = 1";
  db::Params params;
  if (f.actor) where += " AND actor = ?", params.push_back(*f.actor);
  if (f.object_type) where += " AND object_type = ?", params.push_back(*f.object_type);
  if (f.object_id) where += " AND object_id = ?", params.push_back(*f.object_id);
  if (f.from) where += " AND at >= ?", params.push_back(time::ToMicros(*f.from));
  if (f.to) where += " AND at <= ?", params.push_back(time::ToMicros(*f.to));
  *total = tx.QueryOne(std::string(kCount) + where, params)->Int(0);
  params.push_back(f.limit);
  params.push_back(f.offset);
  std::vector<Record> out;
  for (const auto& r : tx.Query(std::string(kColumns) + where + " ORDER BY seq DESC LIMIT ? OFFSET ?", params).rows)
    out.push_back(FromRow(r));
  return out;
}

std::vector<Record> AuditStore::Batch(db::Tx& tx, std::int64_t after_seq, int limit) {
  std::vector<Record> out;
  for (const auto& r : tx.Query(std::string(kColumns) + " WHERE seq > ? ORDER BY seq LIMIT ?", {after_seq, limit}).rows)
    out.push_back(FromRow(r));
  return out;
}

std::optional<Record> AuditStore::FindBySeq(db::Tx& tx, std::int64_t seq) {
  auto row = tx.QueryOne(std::string(kColumns) + " WHERE seq = ?", {seq});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::optional<AuditStore::SigningKey> AuditStore::CurrentKey(db::Tx& tx) {
  auto row = tx.QueryOne(kCurrentKey);
  if (!row) return std::nullopt;
  return SigningKey{row->Int(0), row->Text(1), row->Text(2)};
}

std::int64_t AuditStore::InsertKey(db::Tx& tx, const std::string& public_pem, const std::string& private_sealed,
                                   time::Instant now) {
  return tx.InsertReturningId(kInsertKey, {public_pem, db::Blob{private_sealed}, time::ToMicros(now)});
}

bool AuditStore::HasCheckpoint(db::Tx& tx, const std::string& day) { return tx.QueryOne(kHasCheckpoint, {day}).has_value(); }

std::int64_t AuditStore::InsertCheckpoint(db::Tx& tx, const Checkpoint& c) {
  return tx.InsertReturningId(kInsertCheckpoint,
                              {c.day, c.seq, c.head_hash, time::ToMicros(c.signed_at), c.key_id, c.signature});
}

std::vector<Checkpoint> AuditStore::Checkpoints(db::Tx& tx) {
  std::vector<Checkpoint> out;
  for (const auto& r : tx.Query(kCheckpoints).rows) {
    Checkpoint c;
    c.id = r.Int(0);
    c.day = r.Text(1);
    c.seq = r.Int(2);
    c.head_hash = r.Text(3);
    c.signed_at = time::FromMicros(r.Int(4));
    c.key_id = r.Int(5);
    c.public_key = r.Text(6);
    c.signature = r.Text(7);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace tongban::audit
