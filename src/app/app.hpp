#pragma once
// One Tongban server process: opens the database, migrates, registers every module's routes and
// job handlers, serves until SIGTERM, then shuts down in reverse order (stop accepting, finish
// in-flight requests, stop jobs, close the database).
#include <memory>

#include "app/context.hpp"
#include "platform/http/router.hpp"

namespace tongban {

class App {
 public:
  // Opens the database named by config.db (throws tongban::Error on a bad URL or an unreachable
  // server). Does not migrate: call Migrate(), or use Serve().
  explicit App(Config config);
  ~App();

  // Applies pending migrations; returns the names applied.
  std::vector<std::string> Migrate();
  // Migrates, listens (a busy port fails here), serves; returns the process exit status.
  int Serve();

  const http::Router& router() const { return router_; }
  AppContext& context() { return *context_; }
  db::Database& db() { return *db_; }

 private:
  Config config_;
  std::unique_ptr<time::Clock> clock_;
  time::ManualClock* test_clock_ = nullptr;
  std::unique_ptr<db::Database> db_;
  Metrics metrics_;
  std::unique_ptr<jobs::JobRunner> jobs_;
  std::unique_ptr<AppContext> context_;
  http::Router router_;
};

// Finds a folder shipped with the product (web/dist, data) beside the executable or below the
// current directory. Returns "" when neither has it.
std::string FindShippedDir(const std::string& relative);

// The division table of `data_dir`/divisions; an empty table (and a warning) when it is missing.
std::shared_ptr<const codes::DivisionTable> LoadDivisions(const std::string& data_dir);

}  // namespace tongban
