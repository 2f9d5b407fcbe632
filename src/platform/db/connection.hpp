#pragma once
// One native connection to SQLite or PostgreSQL. Not thread-safe: a connection belongs to one
// Tx (and so to one thread) at a time; the pool in database.hpp hands them out.
// Statements use `?` placeholders on both engines; the PostgreSQL connection rewrites them.
#include <memory>
#include <string>
#include <string_view>

#include "platform/db/value.hpp"

namespace tongban::db {

struct ConnectionOptions {
  int busy_timeout_ms = 5000;  // SQLite: how long a writer waits for the lock
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement. Engine errors become tongban::Error: a constraint violation is a
  // db::ConstraintError (409), a busy database a 503, anything else a 500 naming the statement.
  virtual Result Execute(std::string_view sql, const Params& params) = 0;
  // False when the connection is broken and should be replaced.
  virtual bool Healthy() = 0;
};

// `target` is the path of the SQLite file (created with its directory when missing).
std::unique_ptr<Connection> OpenSqlite(const std::string& path, const ConnectionOptions& options);
// `conninfo` is a libpq connection string or URI.
std::unique_ptr<Connection> OpenPostgres(const std::string& conninfo);

}  // namespace tongban::db
