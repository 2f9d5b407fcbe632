#include "platform/db/database.hpp"

#include <stdexcept>

#include "platform/errors/error.hpp"

namespace tongban::db {
namespace {
// One transaction (or lease) per thread: see the nesting rule in database.hpp.
thread_local bool tls_in_transaction = false;

void EnterTransaction() {
  if (tls_in_transaction)
    throw std::logic_error("nested transaction: a Tx is already open on this thread; pass it down as Tx&");
  tls_in_transaction = true;
}
}  // namespace

DatabaseUrl DatabaseUrl::Parse(const std::string& url) {
  auto bad = [&] {
    return Error::BadRequest("config.bad_db_url",
                             "数据库地址无效：应为 sqlite:///绝对路径、sqlite://相对路径 或 postgresql://用户@主机:端口/库",
                             "Bad database URL \"" + url +
                                 "\": use sqlite:///abs/path.db, sqlite://relative/path.db or "
                                 "postgresql://user@host:port/db");
  };
  if (url.rfind("sqlite://", 0) == 0) {
    std::string path = url.substr(9);  // "/abs/x.db" stays absolute, "var/x.db" stays relative
    if (path.empty() || path.back() == '/') throw bad();
    return {Dialect::kSqlite, path};
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    if (url.find('/', url.find("//") + 2) == std::string::npos) throw bad();
    return {Dialect::kPostgres, url};
  }
  throw bad();
}

std::string DatabaseUrl::Redacted() const {
  if (dialect == Dialect::kSqlite) return "sqlite://" + target;
  // postgresql://user:secret@host → postgresql://user:***@host
  const auto scheme_end = target.find("//") + 2;
  const auto at = target.find('@', scheme_end);
  const auto colon = target.find(':', scheme_end);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return target;
  return target.substr(0, colon + 1) + "***" + target.substr(at);
}

// ---- Tx ----

Tx::Tx(Database& db, std::unique_ptr<Connection> conn, TxMode mode, std::unique_lock<std::mutex> writer)
    : db_(db), writer_(std::move(writer)), conn_(std::move(conn)), mode_(mode) {
  const bool sqlite = conn_->dialect() == Dialect::kSqlite;
  const char* begin = mode == TxMode::kWrite ? (sqlite ? "BEGIN IMMEDIATE" : "BEGIN")
                                             : (sqlite ? "BEGIN" : "BEGIN READ ONLY");
  try {
    conn_->Execute(begin, {});
  } catch (...) {
    tls_in_transaction = false;
    db_.Release(std::move(conn_));
    throw;
  }
}

Tx::~Tx() {
  if (!done_ && conn_) {
    try {
      conn_->Execute("ROLLBACK", {});
    } catch (...) {
      // A failed rollback leaves the connection suspect; Release() checks Healthy().
    }
  }
  Finish();
}

Dialect Tx::dialect() const { return db_.dialect(); }

void Tx::Finish() {
  if (!conn_) return;
  tls_in_transaction = false;
  db_.Release(std::move(conn_));
  if (writer_.owns_lock()) writer_.unlock();
}

Connection& Tx::conn() {
  if (!conn_) throw std::logic_error("transaction used after Commit()");
  return *conn_;
}

Result Tx::Query(std::string_view sql, const Params& params) { return conn().Execute(sql, params); }

std::optional<Row> Tx::QueryOne(std::string_view sql, const Params& params) {
  Result r = conn().Execute(sql, params);
  if (r.rows.empty()) return std::nullopt;
  if (r.rows.size() > 1) throw std::logic_error("QueryOne got several rows: " + std::string(sql));
  return std::move(r.rows.front());
}

std::int64_t Tx::Exec(std::string_view sql, const Params& params) { return conn().Execute(sql, params).affected; }

std::int64_t Tx::ExecConditional(std::string_view sql, const Params& params, const char* conflict_code) {
  const std::int64_t changed = Exec(sql, params);
  if (changed == 0)
    throw Error::Conflict(conflict_code, "数据已被他人修改或状态已变化，请刷新后重试",
                          "The record was changed by someone else or is no longer in that state; reload and retry");
  return changed;
}

std::int64_t Tx::InsertReturningId(std::string_view sql, const Params& params) {
  Result r = conn().Execute(sql, params);
  if (r.rows.size() != 1) throw std::logic_error("INSERT ... RETURNING id returned no row");
  return r.rows.front().Int(0);
}

void Tx::Commit() {
  conn().Execute("COMMIT", {});
  done_ = true;
  Finish();
}

// ---- Database ----

Database::Database(DatabaseUrl url, DatabaseOptions options) : url_(std::move(url)), options_(options) {}

Database::~Database() { Close(); }

std::unique_ptr<Database> Database::Open(const DatabaseUrl& url, const DatabaseOptions& options) {
  std::unique_ptr<Database> db(new Database(url, options));
  // Open one connection now so a wrong URL fails at start, not at the first request. It counts as
  // open (Close() waits until every open connection is idle again).
  auto first = db->Connect();
  db->open_ = 1;
  db->Release(std::move(first));
  return db;
}

std::unique_ptr<Connection> Database::Connect() const {
  if (url_.dialect == Dialect::kSqlite) return OpenSqlite(url_.target, {options_.busy_timeout_ms});
  return OpenPostgres(url_.target);
}

std::unique_ptr<Connection> Database::Acquire() {
  std::unique_lock lock(mu_);
  for (;;) {
    if (closed_) throw Error::Unavailable("db.closed", "服务正在停止", "The server is shutting down", 5);
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return conn;
    }
    if (open_ < options_.pool_size) {
      ++open_;
      lock.unlock();
      try {
        return Connect();
      } catch (...) {
        lock.lock();
        --open_;
        available_.notify_one();
        throw;
      }
    }
    ++waiting_;
    const bool got = available_.wait_for(lock, std::chrono::milliseconds(options_.acquire_timeout_ms),
                                         [&] { return closed_ || !idle_.empty() || open_ < options_.pool_size; });
    --waiting_;
    if (!got)
      throw Error::Unavailable("db.pool_exhausted", "数据库连接繁忙，请稍后重试",
                               "All database connections are busy; retry shortly", 1);
  }
}

void Database::Release(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(mu_);
  if (conn && conn->Healthy() && !closed_) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;  // a broken connection is dropped; the next Acquire opens a fresh one
  }
  available_.notify_one();
}

Tx Database::Begin(TxMode mode) {
  EnterTransaction();
  std::unique_lock<std::mutex> writer;
  std::unique_ptr<Connection> conn;
  try {
    if (mode == TxMode::kWrite && url_.dialect == Dialect::kSqlite) writer = std::unique_lock(sqlite_writer_);
    conn = Acquire();
  } catch (...) {
    tls_in_transaction = false;
    throw;
  }
  return Tx(*this, std::move(conn), mode, std::move(writer));
}

Database::ConnectionLease Database::Lease() {
  EnterTransaction();
  std::unique_ptr<Connection> conn;
  try {
    conn = Acquire();
  } catch (...) {
    tls_in_transaction = false;
    throw;
  }
  return ConnectionLease(conn.release(), [this](Connection* c) {
    tls_in_transaction = false;
    Release(std::unique_ptr<Connection>(c));
  });
}

PoolStats Database::Stats() const {
  std::lock_guard lock(mu_);
  return {options_.pool_size, open_ - static_cast<int>(idle_.size()), waiting_};
}

void Database::Close() {
  std::unique_lock lock(mu_);
  closed_ = true;
  available_.notify_all();
  // Leased connections come back through Release(), which drops them now that closed_ is set.
  available_.wait_for(lock, std::chrono::seconds(30), [&] { return open_ == static_cast<int>(idle_.size()); });
  open_ -= static_cast<int>(idle_.size());
  idle_.clear();
}

}  // namespace tongban::db
