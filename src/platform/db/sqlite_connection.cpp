// SQLite connection: WAL, busy timeout, foreign keys on, a per-connection statement cache.
#include <sqlite3.h>

#include <filesystem>
#include <unordered_map>

#include <spdlog/spdlog.h>

#include "platform/db/connection.hpp"
#include "platform/db/constraint_error.hpp"
#include "platform/errors/error.hpp"

namespace tongban::db {
namespace {

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, const ConnectionOptions& options) {
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw Error::Unavailable("db.unavailable", "无法打开数据库 " + path,
                               "Cannot open database " + path + ": " + message, 5);
    }
    sqlite3_busy_timeout(db_, options.busy_timeout_ms);
    sqlite3_extended_result_codes(db_, 1);
    // WAL lets readers run beside the one writer; NORMAL sync is durable across process crashes
    // in WAL mode (a power loss may drop the last commits, never corrupt the file).
    Run("PRAGMA journal_mode=WAL");
    Run("PRAGMA synchronous=NORMAL");
    Run("PRAGMA foreign_keys=ON");
  }

  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  bool Healthy() override { return db_ != nullptr; }

  Result Execute(std::string_view sql, const Params& params) override {
    sqlite3_stmt* stmt = Prepare(sql);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    const int expected = sqlite3_bind_parameter_count(stmt);
    if (expected != static_cast<int>(params.size()))
      throw Error::Internal("db.bad_statement", "statement expects " + std::to_string(expected) +
                                                    " parameters, got " + std::to_string(params.size()) +
                                                    ": " + std::string(sql));
    for (int i = 0; i < expected; ++i) Bind(stmt, i + 1, params[i]);

    Result result;
    const int columns = sqlite3_column_count(stmt);
    for (int c = 0; c < columns; ++c) result.columns.emplace_back(sqlite3_column_name(stmt, c));
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        // Reset on the way out (the statement stays reusable), after ThrowError read the message.
        struct ResetOnUnwind {
          sqlite3_stmt* stmt;
          ~ResetOnUnwind() { sqlite3_reset(stmt); }
        } reset{stmt};
        ThrowError(rc, sql);
      }
      std::vector<Cell> cells;
      cells.reserve(columns);
      for (int c = 0; c < columns; ++c) cells.push_back(ReadCell(stmt, c));
      result.rows.emplace_back(std::move(cells));
    }
    result.affected = sqlite3_changes64(db_);
    sqlite3_reset(stmt);
    return result;
  }

 private:
  void Run(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string message = err ? err : "unknown";
      sqlite3_free(err);
      throw Error::Internal("db.setup_failed", std::string(sql) + ": " + message);
    }
  }

  sqlite3_stmt* Prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) ThrowError(rc, sql);
    if (!stmt) throw Error::Internal("db.bad_statement", "empty statement: " + key);
    // Cache only the statements we run again and again; a bounded cache keeps ad-hoc SQL
    // (migrations, tests) from growing it without end.
    if (cache_.size() >= 512) {
      for (auto& [s, st] : cache_) sqlite3_finalize(st);
      cache_.clear();
    }
    cache_.emplace(std::move(key), stmt);
    return stmt;
  }

  void Bind(sqlite3_stmt* stmt, int index, const Param& param) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) sqlite3_bind_null(stmt, index);
          else if constexpr (std::is_same_v<T, std::int64_t>) sqlite3_bind_int64(stmt, index, v);
          else if constexpr (std::is_same_v<T, double>) sqlite3_bind_double(stmt, index, v);
          else if constexpr (std::is_same_v<T, std::string>)
            sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
          else sqlite3_bind_blob64(stmt, index, v.bytes.data(), v.bytes.size(), SQLITE_TRANSIENT);
        },
        param.value());
  }

  static Cell ReadCell(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_INTEGER: return sqlite3_column_int64(stmt, c);
      case SQLITE_FLOAT: return sqlite3_column_double(stmt, c);
      case SQLITE_NULL: return std::monostate{};
      default: {
        const void* data = sqlite3_column_blob(stmt, c);
        const int size = sqlite3_column_bytes(stmt, c);
        return std::string(static_cast<const char*>(data ? data : ""), size);
      }
    }
  }

  // Throws rather than returns: a ConstraintError returned as Error would be sliced.
  [[noreturn]] void ThrowError(int rc, std::string_view sql) {
    const std::string message = sqlite3_errmsg(db_);
    switch (rc) {
      case SQLITE_CONSTRAINT_UNIQUE:
      case SQLITE_CONSTRAINT_PRIMARYKEY:
        throw ConstraintError(ConstraintError::Kind::kUnique, message, message);
      case SQLITE_CONSTRAINT_FOREIGNKEY:
        throw ConstraintError(ConstraintError::Kind::kForeignKey, message, message);
      case SQLITE_CONSTRAINT_NOTNULL:
        throw ConstraintError(ConstraintError::Kind::kNotNull, message, message);
      case SQLITE_CONSTRAINT_CHECK:
        throw ConstraintError(ConstraintError::Kind::kCheck, message, message);
      default: break;
    }
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
      throw ConstraintError(ConstraintError::Kind::kOther, message, message);
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
      throw Error::Unavailable("db.busy", "数据库繁忙，请稍后重试", "The database is busy; retry shortly", 1);
    throw Error::Internal("db.error", message + " in: " + std::string(sql.substr(0, 300)));
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

std::unique_ptr<Connection> OpenSqlite(const std::string& path, const ConnectionOptions& options) {
  return std::make_unique<SqliteConnection>(path, options);
}

}  // namespace tongban::db
