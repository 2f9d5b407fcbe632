#include "support/test_databases.hpp"

#include <cstdlib>
#include <filesystem>

#include "platform/crypto/hash.hpp"

namespace tongban::testing {

std::vector<std::string> TestDialects() {
  std::vector<std::string> out = {"sqlite"};
  const char* pg = std::getenv("TONGBAN_TEST_PG_URL");
  const char* ci = std::getenv("CI");
  if (pg && *pg) out.push_back("postgresql");
  else if (ci && std::string(ci) == "true") out.push_back("postgresql-missing");
  return out;
}

TestDatabase::TestDatabase(const std::string& dialect, int pool_size) : dialect_(dialect) {
  db::DatabaseOptions options;
  options.pool_size = pool_size;
  if (dialect == "sqlite") {
    sqlite_path_ = (std::filesystem::temp_directory_path() / ("tongban-unit-" + crypto::RandomHex(6) + ".db")).string();
    url_ = "sqlite://" + sqlite_path_;
  } else if (dialect == "postgresql") {
    const std::string base = std::getenv("TONGBAN_TEST_PG_URL");
    schema_ = "t_" + crypto::RandomHex(6);
    {
      auto admin = db::Database::Open(db::DatabaseUrl::Parse(base), {});
      auto lease = admin->Lease();
      lease->Execute("CREATE SCHEMA " + schema_, {});
    }
    // Every connection of this pool works inside the fresh schema.
    url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
  } else {
    throw std::runtime_error("CI=true but TONGBAN_TEST_PG_URL is not set: the PostgreSQL suite cannot run");
  }
  db_ = db::Database::Open(db::DatabaseUrl::Parse(url_), options);
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (!sqlite_path_.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_path_ + suffix);
  }
  if (!schema_.empty()) {
    auto admin = db::Database::Open(db::DatabaseUrl::Parse(std::getenv("TONGBAN_TEST_PG_URL")), {});
    auto lease = admin->Lease();
    lease->Execute("DROP SCHEMA " + schema_ + " CASCADE", {});
  }
}

std::string DialectName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

}  // namespace tongban::testing
