// The migration runner on both stores: once each, in order; a failing file leaves nothing behind
// and names itself and its statement; an edited history is refused; concurrent runners do not race.
#include "platform/db/migrate.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "platform/errors/error.hpp"
#include "support/test_databases.hpp"

namespace tongban::db {
namespace {

Migration Same(std::string name, std::string sql) { return {std::move(name), sql, sql}; }

bool TableExists(Database& db, const std::string& table) {
  Tx tx = db.Begin(TxMode::kRead);
  const bool sqlite = tx.dialect() == Dialect::kSqlite;
  return tx.QueryOne(sqlite ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
                            : "SELECT 1 FROM information_schema.tables WHERE table_name = ? AND table_schema = current_schema()",
                     {table})
      .has_value();
}

class MigrateTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { store_ = std::make_unique<testing::TestDatabase>(GetParam()); }
  Database& db() { return store_->db(); }
  std::unique_ptr<testing::TestDatabase> store_;
};

TEST_P(MigrateTest, AppliesEachOnceInOrder) {
  const std::vector<Migration> list = {
      Same("m/001_a", "CREATE TABLE a (id @ID@, note TEXT);\n-- a comment; with a semicolon\nINSERT INTO a (note) VALUES ('x;y');"),
      Same("m/002_b", "CREATE TABLE b (a_id BIGINT REFERENCES a (id), payload @BLOB@);"),
  };
  auto first = Migrate(db(), list);
  EXPECT_EQ(first.applied, (std::vector<std::string>{"m/001_a", "m/002_b"}));
  auto second = Migrate(db(), list);
  EXPECT_TRUE(second.applied.empty());
  EXPECT_TRUE(GetMigrationStatus(db(), list).up_to_date());
  Tx tx = db().Begin(TxMode::kRead);
  EXPECT_EQ(tx.QueryOne("SELECT note FROM a")->Text(0), "x;y");
}

TEST_P(MigrateTest, FailingFileLeavesNothingAndNamesTheStatement) {
  const std::vector<Migration> list = {
      Same("m/001_ok", "CREATE TABLE ok (id INTEGER);"),
      Same("m/002_broken", "CREATE TABLE half (id INTEGER);\nINSERT INTO half VALUES (1);\nINSERT INTO no_such_table VALUES (1);"),
      Same("m/003_after", "CREATE TABLE after_broken (id INTEGER);"),
  };
  try {
    Migrate(db(), list);
    FAIL() << "the broken migration must fail";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "db.migration_failed");
    EXPECT_EQ(e.details().at("file"), "m/002_broken");
    EXPECT_EQ(e.details().at("statement_index"), 3);
    EXPECT_NE(e.details().at("statement").get<std::string>().find("no_such_table"), std::string::npos);
  }
  EXPECT_TRUE(TableExists(db(), "ok"));
  EXPECT_FALSE(TableExists(db(), "half"));          // rolled back with its file
  EXPECT_FALSE(TableExists(db(), "after_broken"));  // never reached
  const auto status = GetMigrationStatus(db(), list);
  EXPECT_EQ(status.applied, 1);
  EXPECT_FALSE(status.up_to_date());
}

TEST_P(MigrateTest, EditedHistoryIsRefused) {
  Migrate(db(), {Same("m/001", "CREATE TABLE t (id INTEGER);")});
  try {
    Migrate(db(), {Same("m/001", "CREATE TABLE t (id INTEGER, extra TEXT);")});
    FAIL() << "an applied file that changed must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "db.migration_changed");
  }
}

TEST_P(MigrateTest, ConcurrentRunnersApplyOnce) {
  std::vector<Migration> list;
  for (int i = 0; i < 5; ++i)
    list.push_back(Same("m/00" + std::to_string(i), "CREATE TABLE t" + std::to_string(i) + " (id INTEGER);"));
  auto other = Database::Open(DatabaseUrl::Parse(store_->url()), {});
  std::vector<std::string> applied_a, applied_b;
  std::exception_ptr failure;
  std::thread a([&] {
    try {
      applied_a = Migrate(db(), list).applied;
    } catch (...) {
      failure = std::current_exception();
    }
  });
  applied_b = Migrate(*other, list).applied;
  a.join();
  ASSERT_FALSE(failure);
  EXPECT_EQ(applied_a.size() + applied_b.size(), list.size());
}

TEST_P(MigrateTest, BuiltInMigrationsApplyCleanly) {
  const auto list = BuiltInMigrations();
  ASSERT_FALSE(list.empty());
  Migrate(db(), list);
  EXPECT_TRUE(GetMigrationStatus(db(), list).up_to_date());
  EXPECT_TRUE(Migrate(db(), list).applied.empty());
}

INSTANTIATE_TEST_SUITE_P(Stores, MigrateTest, ::testing::ValuesIn(testing::TestDialects()), testing::DialectName);

}  // namespace
}  // namespace tongban::db
