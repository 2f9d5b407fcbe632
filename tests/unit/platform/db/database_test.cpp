// The storage contract, run on SQLite and PostgreSQL alike: types round-trip, transactions roll
// back, nesting is refused, constraint violations are typed, conditional updates answer 409.
#include "platform/db/database.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "platform/db/constraint_error.hpp"
#include "platform/errors/error.hpp"
#include "support/test_databases.hpp"

namespace tongban::db {
namespace {

using testing::TestDatabase;

class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<TestDatabase>(GetParam());
    Tx tx = db().Begin(TxMode::kWrite);
    tx.Exec("CREATE TABLE things (id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE, score DOUBLE PRECISION, "
            "data " + std::string(tx.dialect() == Dialect::kSqlite ? "BLOB" : "BYTEA") + ", version INTEGER NOT NULL DEFAULT 1)");
    tx.Commit();
  }
  Database& db() { return store_->db(); }
  std::unique_ptr<TestDatabase> store_;
};

TEST_P(DatabaseTest, ValuesRoundTrip) {
  const std::string bytes("\x00\x01\xff\x80zero", 8);
  {
    Tx tx = db().Begin(TxMode::kWrite);
    tx.Exec("INSERT INTO things (id, name, score, data) VALUES (?, ?, ?, ?)", {1, "食品经营许可证 'quoted' ?", 2.5, Blob{bytes}});
    tx.Exec("INSERT INTO things (id, name, score, data) VALUES (?, ?, ?, ?)", {2, "null score", nullptr, nullptr});
    tx.Commit();
  }
  Tx tx = db().Begin(TxMode::kRead);
  auto row = tx.QueryOne("SELECT id, name, score, data FROM things WHERE id = ?", {1});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Int(0), 1);
  EXPECT_EQ(row->Text(1), "食品经营许可证 'quoted' ?");
  EXPECT_DOUBLE_EQ(row->Double(2), 2.5);
  EXPECT_EQ(row->Text(3), bytes);
  auto empty = tx.QueryOne("SELECT score, data FROM things WHERE id = ?", {2});
  EXPECT_TRUE(empty->IsNull(0));
  EXPECT_FALSE(empty->OptInt(1).has_value());
  EXPECT_FALSE(tx.QueryOne("SELECT id FROM things WHERE id = ?", {99}).has_value());
}

TEST_P(DatabaseTest, UncommittedTransactionRollsBack) {
  {
    Tx tx = db().Begin(TxMode::kWrite);
    tx.Exec("INSERT INTO things (id, name) VALUES (?, ?)", {1, "gone"});
  }
  try {
    Tx tx = db().Begin(TxMode::kWrite);
    tx.Exec("INSERT INTO things (id, name) VALUES (?, ?)", {2, "also gone"});
    throw std::runtime_error("handler failed");
  } catch (const std::runtime_error&) {
  }
  Tx tx = db().Begin(TxMode::kRead);
  EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM things")->Int(0), 0);
}

TEST_P(DatabaseTest, NestedTransactionIsAnError) {
  Tx outer = db().Begin(TxMode::kWrite);
  EXPECT_THROW(db().Begin(TxMode::kRead), std::logic_error);
  outer.Commit();
  // After the outer one ends, a new one may begin.
  Tx next = db().Begin(TxMode::kRead);
}

TEST_P(DatabaseTest, UniqueViolationIsTypedConflict) {
  Tx tx = db().Begin(TxMode::kWrite);
  tx.Exec("INSERT INTO things (id, name) VALUES (?, ?)", {1, "same"});
  try {
    tx.Exec("INSERT INTO things (id, name) VALUES (?, ?)", {2, "same"});
    FAIL() << "expected a unique violation";
  } catch (const ConstraintError& e) {
    EXPECT_EQ(e.kind(), ConstraintError::Kind::kUnique);
    EXPECT_EQ(e.status(), 409);
    EXPECT_EQ(e.code(), "db.unique_violation");
  }
}

TEST_P(DatabaseTest, ConditionalUpdateLosingRaceIs409) {
  {
    Tx tx = db().Begin(TxMode::kWrite);
    tx.Exec("INSERT INTO things (id, name) VALUES (?, ?)", {1, "x"});
    tx.Commit();
  }
  Tx tx = db().Begin(TxMode::kWrite);
  EXPECT_EQ(tx.ExecConditional("UPDATE things SET name = ?, version = version + 1 WHERE id = ? AND version = ?",
                               {"y", 1, 1}),
            1);
  try {
    tx.ExecConditional("UPDATE things SET name = ?, version = version + 1 WHERE id = ? AND version = ?", {"z", 1, 1});
    FAIL() << "a stale version must not update";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
    EXPECT_EQ(e.code(), "db.stale_version");
  }
}

TEST_P(DatabaseTest, ConcurrentConditionalUpdatesLoseNoIncrement) {
  {
    Tx tx = db().Begin(TxMode::kWrite);
    tx.Exec("INSERT INTO things (id, name, score) VALUES (?, ?, ?)", {1, "counter", 0.0});
    tx.Commit();
  }
  constexpr int kThreads = 4, kEach = 25;
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach;) {
        try {
          Tx tx = db().Begin(TxMode::kWrite);
          const auto v = tx.QueryOne("SELECT version FROM things WHERE id = ?", {1})->Int(0);
          tx.ExecConditional("UPDATE things SET score = score + 1, version = ? WHERE id = ? AND version = ?",
                             {v + 1, 1, v});
          tx.Commit();
          ++i;
        } catch (const Error& e) {
          ++conflicts;  // lost the race: retry, as a client would after a 409
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  Tx tx = db().Begin(TxMode::kRead);
  EXPECT_EQ(tx.QueryOne("SELECT score FROM things WHERE id = 1")->Double(0), kThreads * kEach);
}

TEST_P(DatabaseTest, InsertReturningId) {
  Tx tx = db().Begin(TxMode::kWrite);
  tx.Exec(tx.dialect() == Dialect::kSqlite ? "CREATE TABLE auto (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)"
                                           : "CREATE TABLE auto (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v TEXT)");
  const auto a = tx.InsertReturningId("INSERT INTO auto (v) VALUES (?) RETURNING id", {"a"});
  const auto b = tx.InsertReturningId("INSERT INTO auto (v) VALUES (?) RETURNING id", {"b"});
  EXPECT_GT(b, a);
}

INSTANTIATE_TEST_SUITE_P(Stores, DatabaseTest, ::testing::ValuesIn(testing::TestDialects()), testing::DialectName);

TEST(DatabaseUrlTest, ParsesTheThreeForms) {
  EXPECT_EQ(DatabaseUrl::Parse("sqlite:///abs/x.db").target, "/abs/x.db");
  EXPECT_EQ(DatabaseUrl::Parse("sqlite://var/tongban.db").target, "var/tongban.db");
  const auto pg = DatabaseUrl::Parse("postgresql://u:secret@h:5432/db");
  EXPECT_EQ(pg.dialect, Dialect::kPostgres);
  EXPECT_EQ(pg.Redacted(), "postgresql://u:***@h:5432/db");
  for (const char* bad : {"mysql://x/y", "sqlite://", "sqlite://dir/", "postgresql://host", ""})
    EXPECT_THROW(DatabaseUrl::Parse(bad), Error) << bad;
}

}  // namespace
}  // namespace tongban::db
