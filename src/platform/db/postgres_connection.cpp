// PostgreSQL connection over libpq: `?` placeholders rewritten to $n, statements prepared once per
// connection, results in text format (bytea decoded), SQLSTATEs mapped to our errors.
#include <libpq-fe.h>

#include <unordered_map>

#include "platform/db/connection.hpp"
#include "platform/db/constraint_error.hpp"
#include "platform/db/placeholders.hpp"
#include "platform/errors/error.hpp"

namespace tongban::db {
namespace {

constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23;

std::string DecodeByteaHex(const char* text, int length) {
  // Text-format bytea is "\x" followed by hex digits (bytea_output = hex, the default since 9.0).
  std::string out;
  if (length < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text, length);
  auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  out.reserve((length - 2) / 2);
  for (int i = 2; i + 1 < length; i += 2) out.push_back(static_cast<char>(nibble(text[i]) << 4 | nibble(text[i + 1])));
  return out;
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      throw Error::Unavailable("db.unavailable", "无法连接数据库", "Cannot connect to PostgreSQL: " + message, 5);
    }
    // Instants are stored as integers and dates as text, so the session time zone never matters;
    // UTC keeps any ad-hoc timestamp output unambiguous.
    PQclear(PQexec(conn_, "SET TIME ZONE 'UTC'"));
  }
  ~PostgresConnection() override {
    if (conn_) PQfinish(conn_);
  }

  Dialect dialect() const override { return Dialect::kPostgres; }
  bool Healthy() override { return conn_ && PQstatus(conn_) == CONNECTION_OK; }

  Result Execute(std::string_view sql, const Params& params) override {
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size());
    std::vector<int> lengths(params.size()), formats(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              values[i] = nullptr;
            } else {
              if constexpr (std::is_same_v<T, std::int64_t>) storage[i] = std::to_string(v);
              else if constexpr (std::is_same_v<T, double>) storage[i] = std::to_string(v);
              else if constexpr (std::is_same_v<T, std::string>) storage[i] = v;
              else storage[i] = v.bytes, formats[i] = 1;  // bytea travels in binary
              values[i] = storage[i].data();
              lengths[i] = static_cast<int>(storage[i].size());
            }
          },
          params[i].value());
    }
    const std::string& name = PreparedName(sql);
    PGresult* res = PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(),
                                   lengths.data(), formats.data(), 0);
    return Consume(res, sql);
  }

 private:
  const std::string& PreparedName(std::string_view sql) {
    std::string key(sql);
    if (auto it = prepared_.find(key); it != prepared_.end()) return it->second;
    if (prepared_.size() >= 512) {  // bound the cache, as the SQLite connection does
      PQclear(PQexec(conn_, "DEALLOCATE ALL"));
      prepared_.clear();
    }
    std::string name = "tb" + std::to_string(next_statement_++);
    const std::string rewritten = RewritePlaceholders(sql);
    PGresult* res = PQprepare(conn_, name.c_str(), rewritten.c_str(), 0, nullptr);
    Consume(res, sql);
    return prepared_.emplace(std::move(key), std::move(name)).first->second;
  }

  Result Consume(PGresult* res, std::string_view sql) {
    const auto status = PQresultStatus(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      std::unique_ptr<PGresult, decltype(&PQclear)> owned(res, &PQclear);
      ThrowError(res, sql);
    }
    Result result;
    const int columns = PQnfields(res), rows = PQntuples(res);
    for (int c = 0; c < columns; ++c) result.columns.emplace_back(PQfname(res, c));
    result.rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
      std::vector<Cell> cells;
      cells.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(res, r, c)) {
          cells.emplace_back(std::monostate{});
          continue;
        }
        const char* text = PQgetvalue(res, r, c);
        const int length = PQgetlength(res, r, c);
        const Oid type = PQftype(res, c);
        if (type == kByteaOid) cells.emplace_back(DecodeByteaHex(text, length));
        else if (type == kInt8Oid || type == kInt4Oid || type == kInt2Oid) cells.emplace_back(std::int64_t{std::stoll(text)});
        else cells.emplace_back(std::string(text, length));
      }
      result.rows.emplace_back(std::move(cells));
    }
    const char* affected = PQcmdTuples(res);
    result.affected = (affected && *affected) ? std::stoll(affected) : 0;
    PQclear(res);
    return result;
  }

  // Throws rather than returns: a ConstraintError returned as Error would be sliced.
  [[noreturn]] void ThrowError(PGresult* res, std::string_view sql) {
    const char* state_ptr = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    const std::string state = state_ptr ? state_ptr : "";
    const char* constraint_ptr = PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME);
    const std::string constraint = constraint_ptr ? constraint_ptr : "";
    const std::string message = PQresultErrorMessage(res);
    if (state == "23505") throw ConstraintError(ConstraintError::Kind::kUnique, constraint, message);
    if (state == "23503") throw ConstraintError(ConstraintError::Kind::kForeignKey, constraint, message);
    if (state == "23502") throw ConstraintError(ConstraintError::Kind::kNotNull, constraint, message);
    if (state == "23514") throw ConstraintError(ConstraintError::Kind::kCheck, constraint, message);
    if (state.rfind("23", 0) == 0) throw ConstraintError(ConstraintError::Kind::kOther, constraint, message);
    if (state == "40001" || state == "40P01")
      throw Error::Conflict("db.concurrent_change", "数据已被他人同时修改，请重试",
                             "A concurrent change won; retry");
    if (state.rfind("08", 0) == 0 || state == "57P01" || !Healthy())
      throw Error::Unavailable("db.unavailable", "数据库连接中断", "Database connection lost: " + message, 2);
    throw Error::Internal("db.error", message + " [" + state + "] in: " + std::string(sql.substr(0, 300)));
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;
  std::uint64_t next_statement_ = 0;
};

}  // namespace

std::unique_ptr<Connection> OpenPostgres(const std::string& conninfo) {
  return std::make_unique<PostgresConnection>(conninfo);
}

}  // namespace tongban::db
