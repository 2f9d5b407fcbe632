#pragma once
// The operators' sub-commands beyond serve/migrate/backup, kept out of main.cpp so main stays a
// table of flags: each returns the process exit status and prints what it promises, nothing else,
// on standard output (scripts read it); reasons go to standard error.
#include <optional>
#include <string>
#include <vector>

#include "platform/config/config.hpp"

namespace tongban::cli {

// `admin create --username U`: the first system administrator; the password is the first line of
// standard input (checked against the password policy).
int AdminCreate(const Config& config, const std::string& username);

// `demo [--if-empty] [--as-of YYYY-MM-DD]`: migrates, then loads the demo city.
int Demo(const Config& config, bool if_empty, const std::string& as_of);

// `calendar is-working-day D` / `add D N` / `between A B`. `db` is "" to use the shipped files alone.
// Prints exactly `true`/`false`, a date, or a count. Exit 2 with the reason on stderr for bad input
// or a year without data (an answer that would be provisional is not printed).
int Calendar(const std::string& data_dir, const std::string& db, const std::string& op,
             const std::vector<std::string>& args);

// `audit verify [--checkpoints FILE]`: walks the chain and the checkpoints (and those of FILE, a
// saved copy of GET /api/v1/public/audit/checkpoints). Prints "ok: N records, M checkpoints" or the
// first broken record; exit 1 when broken.
int AuditVerify(const Config& config, const std::string& checkpoints_file);
// `audit checkpoint`: signs today's head now (what the daily job does).
int AuditCheckpoint(const Config& config);

// `catalog reindex`: rebuilds the public catalogue and its search index from the published
// versions (after a bulk load or a restore). Prints "indexed N entries".
int CatalogReindex(const Config& config);

}  // namespace tongban::cli
