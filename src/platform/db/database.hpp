#pragma once
// The database: a pool of connections to one SQLite file or one PostgreSQL server, and the
// transaction type every write goes through (DESIGN.md rule 2).
//
// Only route handlers and job runners call Begin(); services and stores take the caller's Tx&.
// A thread may hold one transaction at a time: beginning a second while one is open is a bug and
// throws std::logic_error instead of silently flattening the two.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/connection.hpp"
#include "platform/db/value.hpp"

namespace tongban::db {

struct DatabaseOptions {
  int pool_size = 8;
  int busy_timeout_ms = 5000;     // SQLite lock wait
  int acquire_timeout_ms = 10000; // waiting for a free connection; then 503
};

// Where the data lives, parsed from a --db URL.
struct DatabaseUrl {
  Dialect dialect;
  std::string target;  // SQLite: file path; PostgreSQL: the libpq URI as given
  // sqlite:///abs/path.db, sqlite://relative/path.db, postgresql://user@host:port/db (or postgres://).
  // Throws tongban::Error (400 config.bad_db_url) for anything else.
  static DatabaseUrl Parse(const std::string& url);
  // The URL with any password replaced by ***, for logs.
  std::string Redacted() const;
};

struct PoolStats {
  int size = 0;
  int in_use = 0;
  int waiting = 0;
};

enum class TxMode {
  kRead,   // SQLite: deferred BEGIN; PostgreSQL: READ ONLY
  kWrite,  // SQLite: BEGIN IMMEDIATE (take the write lock up front, so no upgrade deadlock)
};

class Database;

// One transaction on one pooled connection. Rolled back on destruction unless committed, so an
// exception anywhere leaves nothing half-written. Not thread-safe; lives on the stack of one call.
class Tx {
 public:
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  ~Tx();

  Dialect dialect() const;
  Result Query(std::string_view sql, const Params& params = {});
  // The single row, or nullopt when there is none; more than one is a bug (logic_error).
  std::optional<Row> QueryOne(std::string_view sql, const Params& params = {});
  // Rows changed.
  std::int64_t Exec(std::string_view sql, const Params& params = {});
  // A conditional update (`... WHERE id = ? AND version = ?`): zero rows changed means someone
  // else changed the row first, which is answered 409 with `conflict_code` (default
  // db.stale_version). Returns the rows changed (≥ 1).
  std::int64_t ExecConditional(std::string_view sql, const Params& params,
                               const char* conflict_code = "db.stale_version");
  // Inserts and returns the new row's id (`RETURNING id` works on both engines).
  std::int64_t InsertReturningId(std::string_view sql, const Params& params);
  // Commits and gives the connection back: the thread may begin another transaction at once.
  // Using this Tx afterwards is a bug (std::logic_error).
  void Commit();

 private:
  void Finish();  // returns the connection and the write lock; idempotent
  Connection& conn();
  friend class Database;
  Tx(Database& db, std::unique_ptr<Connection> conn, TxMode mode, std::unique_lock<std::mutex> writer);
  Database& db_;
  // SQLite only: this process's write lock, held for the whole transaction. Declared before conn_
  // so it is released after the connection is back in the pool.
  std::unique_lock<std::mutex> writer_;
  std::unique_ptr<Connection> conn_;
  TxMode mode_;
  bool done_ = false;
};

class Database {
 public:
  static std::unique_ptr<Database> Open(const DatabaseUrl& url, const DatabaseOptions& options);
  ~Database();

  Dialect dialect() const { return url_.dialect; }
  const DatabaseUrl& url() const { return url_; }
  // Blocks (on a worker thread, never an I/O thread) until a connection is free; 503 after
  // acquire_timeout_ms. Throws std::logic_error if this thread already has a transaction open.
  Tx Begin(TxMode mode);
  // A connection outside any transaction, for the migrator's advisory lock. Returned to the pool
  // by the deleter. Same nesting rule as Begin().
  using ConnectionLease = std::unique_ptr<Connection, std::function<void(Connection*)>>;
  ConnectionLease Lease();
  PoolStats Stats() const;
  // Waits for every leased connection to come back, then closes them all (graceful shutdown).
  void Close();

 private:
  friend class Tx;
  Database(DatabaseUrl url, DatabaseOptions options);
  std::unique_ptr<Connection> Acquire();
  void Release(std::unique_ptr<Connection> conn);
  std::unique_ptr<Connection> Connect() const;

  DatabaseUrl url_;
  DatabaseOptions options_;
  mutable std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mu_
  int open_ = 0;                                   // guarded by mu_: idle + leased
  int waiting_ = 0;                                // guarded by mu_
  bool closed_ = false;                            // guarded by mu_
  // SQLite allows one writer at a time. Writers of this process queue here instead of in SQLite's
  // busy handler, whose growing sleeps turn contention into long stalls; other processes still
  // wait through busy_timeout_ms.
  std::mutex sqlite_writer_;
};

}  // namespace tongban::db
