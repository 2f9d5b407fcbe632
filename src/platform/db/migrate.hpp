#pragma once
// Applies schema migrations once each, in the order src/migrations.txt lists them, recording each in
// the table schema_migrations (name, checksum, applied_at). A file runs in one transaction: if any
// statement fails, nothing of that file stays, and the error names the file and the statement.
// Two macros spell the types the dialects name differently: @ID@ (an auto-increment 64-bit
// primary key) and @BLOB@ (BLOB / BYTEA).
// On PostgreSQL the whole run holds an advisory lock, so two servers starting together do not race;
// on SQLite each file's BEGIN IMMEDIATE does the same job.
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/embedded.hpp"

namespace tongban::db {

struct Migration {
  std::string name;
  std::string sqlite_sql;
  std::string postgres_sql;
};

struct MigrationReport {
  std::vector<std::string> applied;  // names applied by this run, in order
  int total = 0;                     // migrations known to this binary
};

struct MigrationStatus {
  int applied = 0;  // how many of the known migrations the database has
  int total = 0;
  bool up_to_date() const { return applied == total; }
};

// The migrations compiled into this binary.
std::vector<Migration> BuiltInMigrations();

// Throws tongban::Error (500 db.migration_failed, details: file, statement index, statement,
// engine message) when a statement fails, or (500 db.migration_changed) when an applied file's
// text differs from what was applied: history is append-only.
// Must not be called with a transaction open on this thread.
MigrationReport Migrate(Database& db, const std::vector<Migration>& migrations);

MigrationStatus GetMigrationStatus(Database& db, const std::vector<Migration>& migrations);

}  // namespace tongban::db
