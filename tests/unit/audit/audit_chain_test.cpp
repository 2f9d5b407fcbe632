// The audit chain on both stores: appends link by hash; the verifier names the first record edited
// behind the platform's back; a rewrite that recomputes every hash is caught by the signed
// checkpoints (stored, or a saved copy of the published list).
#include <gtest/gtest.h>

#include <thread>

#include "audit/service.hpp"
#include "platform/crypto/hash.hpp"
#include "platform/db/migrate.hpp"
#include "platform/errors/error.hpp"
#include "support/test_databases.hpp"

namespace tongban::audit {
namespace {

const time::Instant kT0 = time::FromMicros(1'795'000'000'000'000);

class AuditChainTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<testing::TestDatabase>(GetParam());
    db::Migrate(db(), db::BuiltInMigrations());
  }
  db::Database& db() { return store_->db(); }

  void AppendN(int n, int from = 1) {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    for (int i = from; i < from + n; ++i) {
      Actor actor;
      actor.name = "admin";
      actor.user_id = 1;
      actor.role = "admin";
      actor.department = "青岛市";
      actor.request_id = "req-" + std::to_string(i);
      actor.client_addr = "10.0.0.1";
      Append(tx, kT0 + std::chrono::seconds(i), actor, "system.user.edit", "user", std::to_string(i),
             {{"display_name", "用户" + std::to_string(i)}});
    }
    tx.Commit();
  }
  void Checkpoint(const std::string& day) {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    ASSERT_TRUE(CreateCheckpoint(tx, vault_, kT0, day));
    tx.Commit();
  }
  VerifyReport VerifyNow(const std::vector<audit::Checkpoint>& external = {}) {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    return Verify(tx, external);
  }
  void Exec(const std::string& sql, const db::Params& params = {}) {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    tx.Exec(sql, params);
    tx.Commit();
  }
  // What an attacker with write access does: edit a record, then recompute every hash from there
  // on with the verifier's own formula.
  void RewriteFrom(std::int64_t seq, const std::string& new_object_id) {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    tx.Exec("UPDATE audit_records SET object_id = ? WHERE seq = ?", {new_object_id, seq});
    std::string prev = seq == 1 ? std::string(kGenesisHash)
                                : tx.QueryOne("SELECT hash FROM audit_records WHERE seq = ?", {seq - 1})->Text(0);
    const auto rows = tx.Query(
        "SELECT seq, at, actor, actor_id, role, department, action, object_type, object_id, request_id, client_addr, "
        "change, digest FROM audit_records WHERE seq >= ? ORDER BY seq",
        {seq});
    for (const auto& row : rows.rows) {
      Record r;
      r.seq = row.Int(0);
      r.at = time::FromMicros(row.Int(1));
      r.actor = row.Text(2);
      r.actor_id = row.OptInt(3);
      r.role = row.Text(4);
      r.department = row.Text(5);
      r.action = row.Text(6);
      r.object_type = row.Text(7);
      r.object_id = row.Text(8);
      r.request_id = row.Text(9);
      r.client_addr = row.Text(10);
      r.change = row.Text(11);
      r.digest = row.Text(12);
      r.prev_hash = prev;
      prev = ComputeHash(r);
      tx.Exec("UPDATE audit_records SET prev_hash = ?, hash = ? WHERE seq = ?", {r.prev_hash, prev, r.seq});
    }
    tx.Commit();
  }

  std::unique_ptr<testing::TestDatabase> store_;
  pii::Vault vault_{std::string(32, '\x07')};
};

TEST_P(AuditChainTest, AppendsLinkAndVerify) {
  AppendN(5);
  const auto report = VerifyNow();
  EXPECT_TRUE(report.ok) << report.problem_en;
  EXPECT_EQ(report.records, 5);
  db::Tx tx = db().Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  RecordFilter filter;
  filter.object_id = "3";
  const auto found = List(tx, filter, &total);
  ASSERT_EQ(total, 1);
  EXPECT_EQ(found[0].seq, 3);
  EXPECT_EQ(found[0].actor, "admin");
  EXPECT_EQ(found[0].digest, crypto::Sha256Hex(found[0].change));
  const auto second = List(tx, {.object_id = "2"}, &total);
  EXPECT_EQ(found[0].prev_hash, second[0].hash);
}

TEST_P(AuditChainTest, ConcurrentAppendersKeepOneChain) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([this, t] {
      for (int i = 0; i < 10; ++i) {
        for (int attempt = 0;; ++attempt) {
          try {
            AppendN(1, t * 100 + i);
            break;
          } catch (const Error& e) {
            // SQLite may answer "busy" (503) under contention; a caller retries, as HTTP clients do.
            if (e.status() != 503 || attempt > 50) throw;
          }
        }
      }
    });
  for (auto& th : threads) th.join();
  const auto report = VerifyNow();
  EXPECT_TRUE(report.ok) << report.problem_en;
  EXPECT_EQ(report.records, 40);
}

TEST_P(AuditChainTest, EmptyChainVerifies) {
  const auto report = VerifyNow();
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.records, 0);
}

TEST_P(AuditChainTest, NamesTheFirstRowEditedBehindTheBack) {
  AppendN(6);
  Exec("UPDATE audit_records SET actor = 'mallory' WHERE seq = 4");
  const auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 4);
  EXPECT_NE(report.problem_en.find("record 4"), std::string::npos) << report.problem_en;
}

TEST_P(AuditChainTest, CatchesAnEditedChangeAndADeletedRow) {
  AppendN(6);
  Exec("UPDATE audit_records SET change = ? WHERE seq = 2", {std::string("{\"display_name\":\"x\"}")});
  EXPECT_EQ(VerifyNow().broken_seq, 2);
  Exec("DELETE FROM audit_records WHERE seq >= 1 AND seq <= 6");
  AppendN(3);
  Exec("DELETE FROM audit_records WHERE seq = 2");
  const auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 2) << report.problem_en;
}

TEST_P(AuditChainTest, FullyRecomputedRewriteIsCaughtByCheckpoints) {
  AppendN(5);
  Checkpoint("2026-11-20");
  AppendN(3, 6);  // the checkpoint signed record 5 and logged itself as record 6; these are 7..9
  ASSERT_TRUE(VerifyNow().ok);
  RewriteFrom(3, "forged");
  // Every hash is consistent again, so the chain alone cannot tell ...
  {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    const auto third = tx.QueryOne("SELECT object_id FROM audit_records WHERE seq = 3");
    EXPECT_EQ(third->Text(0), "forged");
  }
  // ... but the signed checkpoint of record 5 no longer matches.
  const auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 5) << report.problem_en;
  EXPECT_NE(report.problem_en.find("rewritten"), std::string::npos) << report.problem_en;
}

TEST_P(AuditChainTest, SavedCopyOfCheckpointsCatchesAReplacedCheckpointTable) {
  AppendN(4);
  Checkpoint("2026-11-20");
  std::vector<audit::Checkpoint> published;
  {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    published = Checkpoints(tx);
  }
  ASSERT_EQ(published.size(), 1u);
  // The attacker rewrites the chain and deletes the stored checkpoints too.
  RewriteFrom(2, "forged");
  Exec("DELETE FROM audit_checkpoints");
  EXPECT_TRUE(VerifyNow().ok) << "without the published copy the rewrite is invisible";
  const auto report = VerifyNow(published);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, published[0].seq);
}

TEST_P(AuditChainTest, ForgedCheckpointSignatureIsRefused) {
  AppendN(2);
  Checkpoint("2026-11-20");
  Exec("UPDATE audit_checkpoints SET head_hash = ?", {std::string(64, 'a')});
  const auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_NE(report.problem_en.find("signature"), std::string::npos) << report.problem_en;
}

TEST_P(AuditChainTest, OneCheckpointPerDayAndTheSigningKeyIsSealed) {
  AppendN(1);
  Checkpoint("2026-11-20");
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  EXPECT_FALSE(CreateCheckpoint(tx, vault_, kT0, "2026-11-20"));
  const auto key = tx.QueryOne("SELECT public_key, private_key_sealed FROM audit_signing_keys");
  EXPECT_NE(key->Text(0).find("BEGIN PUBLIC KEY"), std::string::npos);
  EXPECT_GT(key->Text(1).size(), 32u) << "sealed, not the raw 32-byte key";
  EXPECT_THROW(pii::Vault(std::string(32, '\x08')).Open("audit.signing-key", key->Text(1)), std::runtime_error);
}

INSTANTIATE_TEST_SUITE_P(Stores, AuditChainTest, ::testing::ValuesIn(testing::TestDialects()), testing::DialectName);

}  // namespace
}  // namespace tongban::audit
