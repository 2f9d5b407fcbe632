// The `tongban` command: the whole back end and the tools operators and the public run.
#include <malloc.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/cli.hpp"
#include "platform/db/migrate.hpp"
#include "platform/errors/error.hpp"
#include "platform/log/log.hpp"
#include "platform/openapi/openapi.hpp"

namespace {

using tongban::Config;

// Settings that flags may override: set only when the flag was given, so the environment and the
// config file keep their say otherwise.
struct CommonFlags {
  std::string config_file;
  std::string db;
};

void AddDbFlag(CLI::App* cmd, CommonFlags& flags) {
  cmd->add_option("--db", flags.db, "sqlite:///abs/path.db, sqlite://relative/path.db or postgresql://user@host:port/db");
  cmd->add_option("--config", flags.config_file, "KEY=VALUE settings file (docs/tongban.conf.example)");
}

Config LoadConfig(const CommonFlags& flags) {
  Config config;
  if (!flags.config_file.empty()) tongban::ApplyConfigValues(config, tongban::ReadConfigFile(flags.config_file));
  tongban::ApplyConfigValues(config, tongban::ConfigValuesFromEnvironment());
  if (!flags.db.empty()) config.db = flags.db;
  return config;
}

int Backup(const Config& config, const std::string& to) {
  const auto url = tongban::db::DatabaseUrl::Parse(config.db);
  if (std::filesystem::exists(to)) {
    std::fprintf(stderr, "backup: %s already exists; refusing to overwrite it\n", to.c_str());
    return 2;
  }
  if (url.dialect == tongban::db::Dialect::kPostgres) {
    // pg_dump's custom format: compressed, restorable selectively with pg_restore.
    const std::string command = "pg_dump --format=custom --no-owner --dbname='" + url.target + "' --file='" + to + "'";
    if (url.target.find('\'') != std::string::npos || to.find('\'') != std::string::npos) {
      std::fprintf(stderr, "backup: quotes are not allowed in the URL or path\n");
      return 2;
    }
    const int rc = std::system(command.c_str());
    if (rc != 0) std::fprintf(stderr, "backup: pg_dump failed (status %d)\n", rc);
    return rc == 0 ? 0 : 1;
  }
  auto db = tongban::db::Database::Open(url, {});
  // VACUUM INTO writes a consistent, compacted copy while the server keeps running.
  auto lease = db->Lease();
  lease->Execute("VACUUM INTO ?", {to});
  std::printf("backup written to %s\n", to.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Keep freed memory in the process instead of handing it back to the kernel after every
  // statement: SQLite frees its per-statement memory each time, and glibc's default trimming turned
  // that into madvise calls (with cross-CPU interrupts) on every request — a quarter of the CPU of
  // the case lifecycle benchmark. 256 MiB of slack is small beside a server's working set.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  CLI::App cli{"Tongban 通办 — one network for every government service"};
  cli.require_subcommand(1);
  CommonFlags flags;

  auto* serve = cli.add_subcommand("serve", "Serve the web app and the API (migrates first)");
  AddDbFlag(serve, flags);
  int port = -1;
  std::string bind, web;
  bool test_clock = false;
  serve->add_option("--port", port, "TCP port (default 8080; 0 picks a free one)");
  serve->add_option("--bind", bind, "address to listen on (default 127.0.0.1)");
  serve->add_option("--web", web, "directory of the built web app (default web/dist)");
  serve->add_flag("--test-clock", test_clock, "let API tests set the clock (needs TONGBAN_TEST_MODE=1)");

  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
  AddDbFlag(migrate, flags);

  auto* backup = cli.add_subcommand("backup", "Copy the database to a file (SQLite VACUUM INTO; pg_dump)");
  AddDbFlag(backup, flags);
  std::string backup_to;
  backup->add_option("--to", backup_to, "file to write")->required();

  auto* admin = cli.add_subcommand("admin", "Administration of a real install");
  admin->require_subcommand(1);
  auto* admin_create = admin->add_subcommand("create", "Create the first system administrator (password on stdin)");
  AddDbFlag(admin_create, flags);
  std::string admin_username;
  admin_create->add_option("--username", admin_username, "the administrator's username")->required();

  auto* demo = cli.add_subcommand("demo", "Load the demo city (migrates first)");
  AddDbFlag(demo, flags);
  bool demo_if_empty = false;
  std::string demo_as_of;
  demo->add_flag("--if-empty", demo_if_empty, "do nothing when the database already has users");
  demo->add_option("--as-of", demo_as_of, "the demo's today, YYYY-MM-DD (default: today in Asia/Shanghai)");

  auto* calendar = cli.add_subcommand("calendar", "Working days: is-working-day D | add D N | between A B");
  std::string calendar_db, calendar_data, calendar_op;
  std::vector<std::string> calendar_args;
  calendar->add_option("--db", calendar_db, "also apply the administrators' edits stored in this database");
  calendar->add_option("--data", calendar_data, "reference data directory (default: data/ beside the executable)");
  calendar->add_option("operation", calendar_op, "is-working-day, add or between")->required();
  calendar->add_option("args", calendar_args, "dates (YYYY-MM-DD) and counts");

  auto* audit = cli.add_subcommand("audit", "The tamper-evident audit chain");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "Walk the chain and check it against the signed checkpoints");
  AddDbFlag(audit_verify, flags);
  std::string checkpoints_file;
  audit_verify->add_option("--checkpoints", checkpoints_file,
                           "a saved copy of GET /api/v1/public/audit/checkpoints to check against as well");
  auto* audit_checkpoint = audit->add_subcommand("checkpoint", "Sign today's chain head now");
  AddDbFlag(audit_checkpoint, flags);

  auto* catalog = cli.add_subcommand("catalog", "The service catalogue");
  catalog->require_subcommand(1);
  auto* catalog_reindex = catalog->add_subcommand("reindex", "Rebuild the public catalogue and its search index");
  AddDbFlag(catalog_reindex, flags);

  auto* routes = cli.add_subcommand("routes", "Print every API route with its permission, as JSON");
  auto* openapi = cli.add_subcommand("openapi", "Print the OpenAPI document");
  auto* version = cli.add_subcommand("version", "Print the version");

  CLI11_PARSE(cli, argc, argv);

  try {
    Config config = LoadConfig(flags);
    tongban::InitLogging(config.log_level);
    if (*version) {
      std::printf("tongban %s\n", TONGBAN_VERSION);
      return 0;
    }
    if (*openapi) {
      std::printf("%s\n", tongban::openapi::BuildDocument().dump(2).c_str());
      return 0;
    }
    if (*serve) {
      if (port >= 0) config.port = port;
      if (!bind.empty()) config.bind = bind;
      if (!web.empty()) config.web_dir = web;
      if (test_clock) {
        if (!tongban::TestModeEnabled()) {
          std::fprintf(stderr, "serve: --test-clock is refused unless TONGBAN_TEST_MODE=1\n");
          return 2;
        }
        config.test_clock = true;
      }
      tongban::App app(config);
      const int rc = app.Serve();
      tongban::ShutdownLogging();
      return rc;
    }
    if (*migrate) {
      tongban::App app(config);
      const auto applied = app.Migrate();
      std::printf("%zu migration(s) applied\n", applied.size());
      for (const auto& name : applied) std::printf("  %s\n", name.c_str());
      return 0;
    }
    if (*backup) return Backup(config, backup_to);
    if (*admin_create) return tongban::cli::AdminCreate(config, admin_username);
    if (*demo) return tongban::cli::Demo(config, demo_if_empty, demo_as_of);
    if (*calendar) {
      std::string data = calendar_data.empty() ? config.data_dir : calendar_data;
      if (data.empty()) data = tongban::FindShippedDir("data");
      return tongban::cli::Calendar(data, calendar_db, calendar_op, calendar_args);
    }
    if (*audit_verify) return tongban::cli::AuditVerify(config, checkpoints_file);
    if (*audit_checkpoint) return tongban::cli::AuditCheckpoint(config);
    if (*catalog_reindex) return tongban::cli::CatalogReindex(config);
    if (*routes) {
      // Routes need no database to be listed, but App opens one: use a throwaway in-memory-like file.
      config.db = "sqlite:///tmp/tongban-routes-" + std::to_string(getpid()) + ".db";
      nlohmann::json out = nlohmann::json::array();
      {
        tongban::App app(config);
        for (const auto& r : app.router().routes())
          out.push_back({{"method", r.method}, {"path", r.pattern}, {"permission", r.permission}});
      }
      std::filesystem::remove(config.db.substr(9));
      std::filesystem::remove(config.db.substr(9) + "-wal");
      std::filesystem::remove(config.db.substr(9) + "-shm");
      std::printf("%s\n", out.dump(2).c_str());
      return 0;
    }
  } catch (const tongban::Error& e) {
    std::fprintf(stderr, "tongban: %s\n  %s\n", e.message_zh().c_str(), e.what());
    if (!e.details().empty()) std::fprintf(stderr, "  %s\n", e.details().dump().c_str());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tongban: %s\n", e.what());
    return 1;
  }
  return 0;
}
