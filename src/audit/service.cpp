#include "audit/service.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "audit/store.hpp"
#include "platform/crypto/ed25519.hpp"
#include "platform/crypto/hash.hpp"

namespace tongban::audit {
namespace {

constexpr std::string_view kSigningKeyPurpose = "audit.signing-key";
constexpr int kVerifyBatch = 2000;

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ",") + p;
  return out;
}

VerifyReport Broken(VerifyReport report, std::int64_t seq, std::string zh, std::string en) {
  report.ok = false;
  report.broken_seq = seq;
  report.problem_zh = std::move(zh);
  report.problem_en = std::move(en);
  return report;
}

}  // namespace

Actor ActorFrom(const http::Request& request) {
  Actor a;
  a.request_id = request.request_id;
  a.client_addr = request.client_addr;
  if (!request.principal) {
    a.name = "anonymous";
    return a;
  }
  const auto& p = *request.principal;
  a.name = p.username;
  if (p.kind != "api_key") a.user_id = p.user_id;
  a.role = Join(p.roles);
  a.department = p.department_name;
  return a;
}

Actor SystemActor() {
  Actor a;
  a.name = "system";
  a.role = "system";
  return a;
}

std::string CanonicalText(const Record& r) {
  nlohmann::json j = {{"seq", r.seq},
                      {"at", time::ToMicros(r.at)},
                      {"actor", r.actor},
                      {"actor_id", r.actor_id ? nlohmann::json(*r.actor_id) : nlohmann::json()},
                      {"role", r.role},
                      {"department", r.department},
                      {"action", r.action},
                      {"object_type", r.object_type},
                      {"object_id", r.object_id},
                      {"request_id", r.request_id},
                      {"client_addr", r.client_addr},
                      {"digest", r.digest},
                      {"prev_hash", r.prev_hash}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ComputeHash(const Record& r) { return crypto::Sha256Hex(r.prev_hash + "\n" + CanonicalText(r)); }

std::string CheckpointMessage(const Checkpoint& c) {
  return fmt::format("tongban-audit-checkpoint/v1\n{}\n{}\n{}", c.day, c.seq, c.head_hash);
}

Record Append(db::Tx& tx, time::Instant now, const Actor& actor, std::string action, std::string object_type,
              std::string object_id, const nlohmann::json& change) {
  AuditStore::LockChain(tx);
  const auto head = AuditStore::Head(tx);
  Record r;
  r.seq = head ? head->first + 1 : 1;
  r.prev_hash = head ? head->second : std::string(kGenesisHash);
  r.at = now;
  r.actor = actor.name;
  r.actor_id = actor.user_id;
  r.role = actor.role;
  r.department = actor.department;
  r.action = std::move(action);
  r.object_type = std::move(object_type);
  r.object_id = std::move(object_id);
  r.request_id = actor.request_id;
  r.client_addr = actor.client_addr;
  r.change = change.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  r.digest = crypto::Sha256Hex(r.change);
  r.hash = ComputeHash(r);
  AuditStore::Insert(tx, r);
  return r;
}

std::vector<Record> List(db::Tx& tx, const RecordFilter& filter, std::int64_t* total) {
  return AuditStore::List(tx, filter, total);
}

bool CreateCheckpoint(db::Tx& tx, const pii::Vault& vault, time::Instant now, const std::string& day) {
  AuditStore::LockChain(tx);
  if (AuditStore::HasCheckpoint(tx, day)) return false;
  auto key = AuditStore::CurrentKey(tx);
  if (!key) {
    const auto made = crypto::GenerateEd25519();
    const std::string sealed = vault.Seal(kSigningKeyPurpose, made.private_raw);
    key = AuditStore::SigningKey{AuditStore::InsertKey(tx, made.public_pem, sealed, now), made.public_pem, sealed};
  }
  const auto head = AuditStore::Head(tx);
  Checkpoint c;
  c.day = day;
  c.seq = head ? head->first : 0;
  c.head_hash = head ? head->second : std::string(kGenesisHash);
  c.signed_at = now;
  c.key_id = key->id;
  c.signature = crypto::Base64Encode(crypto::Ed25519Sign(vault.Open(kSigningKeyPurpose, key->private_sealed),
                                                         CheckpointMessage(c)));
  AuditStore::InsertCheckpoint(tx, c);
  Append(tx, now, SystemActor(), "audit.checkpoint.sign", "audit_checkpoint", day,
         {{"seq", c.seq}, {"head_hash", c.head_hash}});
  return true;
}

std::vector<Checkpoint> Checkpoints(db::Tx& tx) { return AuditStore::Checkpoints(tx); }

VerifyReport Verify(db::Tx& tx, const std::vector<Checkpoint>& external) {
  VerifyReport report;
  std::string prev(kGenesisHash);
  std::int64_t expected = 1;
  for (;;) {
    const auto batch = AuditStore::Batch(tx, expected - 1, kVerifyBatch);
    if (batch.empty()) break;
    for (const auto& r : batch) {
      if (r.seq != expected)
        return Broken(report, expected, fmt::format("第 {} 条记录缺失", expected),
                      fmt::format("record {} is missing", expected));
      if (r.prev_hash != prev)
        return Broken(report, r.seq, fmt::format("第 {} 条记录的前一哈希与第 {} 条不符", r.seq, r.seq - 1),
                      fmt::format("record {}: prev_hash does not match the hash of record {}", r.seq, r.seq - 1));
      if (crypto::Sha256Hex(r.change) != r.digest)
        return Broken(report, r.seq, fmt::format("第 {} 条记录的变更内容与摘要不符", r.seq),
                      fmt::format("record {}: the change does not match its digest", r.seq));
      if (ComputeHash(r) != r.hash)
        return Broken(report, r.seq, fmt::format("第 {} 条记录的哈希不符（记录被改动）", r.seq),
                      fmt::format("record {}: hash mismatch (the record was altered)", r.seq));
      prev = r.hash;
      ++expected;
      ++report.records;
    }
  }
  auto checkpoints = AuditStore::Checkpoints(tx);
  checkpoints.insert(checkpoints.end(), external.begin(), external.end());
  for (const auto& c : checkpoints) {
    if (c.signature.empty() || !crypto::Ed25519Verify(c.public_key, CheckpointMessage(c), crypto::Base64Decode(c.signature)))
      return Broken(report, 0, fmt::format("{} 的检查点签名无效", c.day),
                    fmt::format("checkpoint {}: the signature does not verify", c.day));
    if (c.seq == 0) {
      if (c.head_hash != kGenesisHash)
        return Broken(report, 0, fmt::format("{} 的检查点无效", c.day), fmt::format("checkpoint {} is invalid", c.day));
    } else {
      if (c.seq > report.records)
        return Broken(report, report.records + 1,
                      fmt::format("{} 的检查点签署了第 {} 条记录，但链只有 {} 条（记录被删除）", c.day, c.seq, report.records),
                      fmt::format("checkpoint {} signed record {} but the chain has only {} (records were deleted)",
                                  c.day, c.seq, report.records));
      const auto r = AuditStore::FindBySeq(tx, c.seq);
      if (!r || r->hash != c.head_hash)
        return Broken(report, c.seq,
                      fmt::format("第 {} 条记录与 {} 已签署的检查点不符（链被改写）", c.seq, c.day),
                      fmt::format("record {} differs from the checkpoint signed on {} (the chain was rewritten)", c.seq,
                                  c.day));
    }
    ++report.checkpoints;
  }
  return report;
}

}  // namespace tongban::audit
