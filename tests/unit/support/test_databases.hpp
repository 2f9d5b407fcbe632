#pragma once
// Databases for unit tests: SQLite always, PostgreSQL when TONGBAN_TEST_PG_URL names a server
// (scripts/test.sh starts a throwaway cluster and sets it). Each TestDatabase is isolated: a fresh
// SQLite file, or a fresh schema on PostgreSQL, removed afterwards.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "platform/db/database.hpp"

namespace tongban::testing {

// "sqlite" always; "postgresql" when the environment provides a server. Under CI=true a missing
// server is a failure, not a silent skip (see RequirePostgresUnderCi in the .cpp).
std::vector<std::string> TestDialects();

class TestDatabase {
 public:
  explicit TestDatabase(const std::string& dialect, int pool_size = 4);
  ~TestDatabase();
  db::Database& db() { return *db_; }
  const std::string& url() const { return url_; }

 private:
  std::string dialect_, url_, schema_, sqlite_path_;
  std::unique_ptr<db::Database> db_;
};

// For INSTANTIATE_TEST_SUITE_P names.
std::string DialectName(const ::testing::TestParamInfo<std::string>& info);

}  // namespace tongban::testing
