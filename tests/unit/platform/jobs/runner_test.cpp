// Jobs on both stores: two runners share one table and every job's effect lands exactly once;
// failures back off and end dead after max_attempts, still visible; dedupe keys hold.
#include "platform/jobs/runner.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "platform/db/migrate.hpp"
#include "platform/jobs/store.hpp"
#include "support/test_databases.hpp"

namespace tongban::jobs {
namespace {

class JobRunnerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<testing::TestDatabase>(GetParam(), 6);
    db::Migrate(db(), db::BuiltInMigrations());
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    tx.Exec("DELETE FROM jobs");  // jobs other modules' migrations schedule are not this test's
    tx.Exec("CREATE TABLE effects (job_id BIGINT NOT NULL, worker TEXT NOT NULL)");
    tx.Commit();
  }
  db::Database& db() { return store_->db(); }
  void EnqueueMany(int n, const std::string& kind) {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    for (int i = 0; i < n; ++i) Enqueue(tx, clock_, {kind});
    tx.Commit();
  }
  JobHandler Recorder(const std::string& worker) {
    return [worker](db::Tx& tx, const Job& job) {
      tx.Exec("INSERT INTO effects (job_id, worker) VALUES (?, ?)", {job.id, worker});
    };
  }
  std::unique_ptr<testing::TestDatabase> store_;
  time::ManualClock clock_;
  Metrics metrics_;
};

TEST_P(JobRunnerTest, TwoRunnersRunEveryJobExactlyOnce) {
  EnqueueMany(120, "record");
  JobRunner a(db(), clock_, metrics_, {std::chrono::milliseconds(10), std::chrono::seconds(60), 4, "a"});
  JobRunner b(db(), clock_, metrics_, {std::chrono::milliseconds(10), std::chrono::seconds(60), 4, "b"});
  a.Register("record", Recorder("a"));
  b.Register("record", Recorder("b"));
  int ran_a = 0;
  std::thread t([&] { ran_a = a.RunDue(); });
  const int ran_b = b.RunDue();
  t.join();
  EXPECT_EQ(ran_a + ran_b, 120);
  db::Tx tx = db().Begin(db::TxMode::kRead);
  auto counts = tx.QueryOne("SELECT COUNT(*), COUNT(DISTINCT job_id) FROM effects");
  EXPECT_EQ(counts->Int(0), 120);  // none ran twice
  EXPECT_EQ(counts->Int(1), 120);  // none was lost
  EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM jobs WHERE state = 'done'")->Int(0), 120);
}

TEST_P(JobRunnerTest, FailuresBackOffThenDie) {
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    Enqueue(tx, clock_, {"flaky", "{}", std::nullopt, std::nullopt, 3});
    tx.Commit();
  }
  JobRunner runner(db(), clock_, metrics_, {std::chrono::milliseconds(10), std::chrono::seconds(60), 4, "w"});
  int calls = 0;
  runner.Register("flaky", [&](db::Tx& tx, const Job&) {
    ++calls;
    tx.Exec("INSERT INTO effects (job_id, worker) VALUES (0, 'partial')");  // must roll back
    throw std::runtime_error("downstream unavailable");
  });
  EXPECT_EQ(runner.RunDue(), 0);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(runner.RunDue(), 0) << "not due again until the backoff passes";
  EXPECT_EQ(calls, 1);
  for (int attempt = 2; attempt <= 3; ++attempt) {
    clock_.Advance(std::chrono::hours(2));
    runner.RunDue();
    EXPECT_EQ(calls, attempt);
  }
  clock_.Advance(std::chrono::hours(2));
  runner.RunDue();
  EXPECT_EQ(calls, 3) << "a dead job does not run again";
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  auto job = JobStore::List(tx, {"dead", std::nullopt, 1, 20}, nullptr);
  ASSERT_EQ(job.size(), 1u);
  EXPECT_EQ(job[0].attempts, 3);
  EXPECT_EQ(job[0].last_error.value_or(""), "downstream unavailable");
  EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM effects")->Int(0), 0);
  EXPECT_TRUE(JobStore::Retry(tx, job[0].id, clock_.Now()));
  EXPECT_FALSE(JobStore::Retry(tx, job[0].id, clock_.Now())) << "only a dead job can be retried";
}

TEST_P(JobRunnerTest, ExpiredLeaseIsClaimedAgainAndTheLoserRollsBack) {
  EnqueueMany(1, "record");
  {
    // A server claims the job and then dies without finishing.
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    ASSERT_EQ(JobStore::Claim(tx, "dead-server", clock_.Now(), clock_.Now() + std::chrono::seconds(30), 10).size(), 1u);
    tx.Commit();
  }
  JobRunner runner(db(), clock_, metrics_, {std::chrono::milliseconds(10), std::chrono::seconds(60), 4, "alive"});
  runner.Register("record", Recorder("alive"));
  EXPECT_EQ(runner.RunDue(), 0) << "the lease still holds";
  clock_.Advance(std::chrono::seconds(31));
  EXPECT_EQ(runner.RunDue(), 1);
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  EXPECT_FALSE(JobStore::MarkDone(tx, 1, "dead-server", clock_.Now())) << "the old holder lost its lease";
}

TEST_P(JobRunnerTest, DedupeKeyMakesOneJob) {
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  EXPECT_TRUE(Enqueue(tx, clock_, {"daily", "{}", std::nullopt, "daily@2026-11-23"}).has_value());
  EXPECT_FALSE(Enqueue(tx, clock_, {"daily", "{}", std::nullopt, "daily@2026-11-23"}).has_value());
  EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM jobs")->Int(0), 1);
}

INSTANTIATE_TEST_SUITE_P(Stores, JobRunnerTest, ::testing::ValuesIn(testing::TestDialects()), testing::DialectName);

}  // namespace
}  // namespace tongban::jobs
