#include "app/app.hpp"

#include <unistd.h>

#include <filesystem>
#include <thread>

#include <spdlog/spdlog.h>

#include "app/modules.hpp"
#include "platform/concurrency/worker_pool.hpp"
#include "platform/db/migrate.hpp"
#include "platform/http/dispatcher.hpp"
#include "platform/http/server.hpp"
#include "platform/http/static_files.hpp"
#include "platform/pii/kek.hpp"

namespace tongban {
namespace fs = std::filesystem;

std::string FindShippedDir(const std::string& relative) {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  std::vector<fs::path> candidates;
  if (!ec) candidates = {exe.parent_path() / ".." / relative, exe.parent_path() / relative};
  candidates.push_back(fs::current_path(ec) / relative);
  for (const auto& c : candidates)
    if (fs::is_directory(c, ec)) return fs::weakly_canonical(c, ec).string();
  return "";
}

std::shared_ptr<const codes::DivisionTable> LoadDivisions(const std::string& data_dir) {
  std::error_code ec;
  const auto dir = fs::path(data_dir) / "divisions";
  if (data_dir.empty() || !fs::is_directory(dir, ec)) {
    spdlog::warn("no division data at \"{}\": every division code will be refused", dir.string());
    return std::make_shared<const codes::DivisionTable>();
  }
  return std::make_shared<const codes::DivisionTable>(codes::DivisionTable::LoadFromDirectory(dir));
}

App::App(Config config) : config_(std::move(config)) {
  if (config_.test_clock) {
    auto manual = std::make_unique<time::ManualClock>();
    test_clock_ = manual.get();
    clock_ = std::move(manual);
  } else {
    clock_ = std::make_unique<time::SystemClock>();
  }
  db::DatabaseOptions db_options;
  db_options.pool_size = config_.db_pool_size;
  db_options.busy_timeout_ms = config_.db_busy_timeout_ms;
  db_ = db::Database::Open(db::DatabaseUrl::Parse(config_.db), db_options);
  jobs::RunnerOptions job_options;
  job_options.poll = std::chrono::milliseconds(config_.job_poll_ms);
  job_options.lease = std::chrono::milliseconds(config_.job_lease_ms);
  jobs_ = std::make_unique<jobs::JobRunner>(*db_, *clock_, metrics_, job_options);
  const std::string data_dir = config_.data_dir.empty() ? FindShippedDir("data") : config_.data_dir;
  context_.reset(new AppContext{config_, *db_, *clock_, test_clock_, metrics_, *jobs_, data_dir, {}});
  context_->vault = std::make_shared<const pii::Vault>(pii::LoadKek(config_));
  context_->divisions = LoadDivisions(data_dir);
  RegisterAllRoutes(router_, *context_);
  RegisterAllJobHandlers(*jobs_, *context_);
}

App::~App() = default;

std::vector<std::string> App::Migrate() { return db::Migrate(*db_, db::BuiltInMigrations()).applied; }

int App::Serve() {
  Migrate();
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  WorkerPool pool(config_.worker_threads, config_.worker_queue);
  metrics_.AddGauge("tongban_worker_pool_busy", "Worker threads running a task.", [&pool] { return pool.busy(); });
  metrics_.AddGauge("tongban_worker_pool_queued", "Tasks waiting for a worker.", [&pool] { return pool.queued(); });
  metrics_.AddGauge("tongban_worker_pool_capacity", "Queued plus running tasks beyond which requests get 503.",
                    [&pool] { return pool.capacity(); });
  metrics_.AddGauge("tongban_db_pool_in_use", "Database connections in use.", [this] { return db_->Stats().in_use; });
  metrics_.AddGauge("tongban_db_pool_size", "Database connection pool size.", [this] { return db_->Stats().size; });
  metrics_.AddGauge("tongban_db_pool_waiting", "Threads waiting for a database connection.",
                    [this] { return db_->Stats().waiting; });

  const std::string web_dir = config_.web_dir.empty() ? FindShippedDir("web/dist") : config_.web_dir;
  http::StaticFiles static_files(web_dir.empty() ? fs::path("/nonexistent") : fs::path(web_dir));
  if (!static_files.available())
    spdlog::warn("no web app at \"{}\" (build it with `make web`); serving the API only", web_dir);
  http::Dispatcher dispatcher(router_, static_files.available() ? &static_files : nullptr, config_.body_limit);
  if (context_->authenticator) dispatcher.SetAuthenticator(context_->authenticator);

  http::ServerOptions options;
  options.bind = config_.bind;
  options.port = config_.port;
  options.io_threads = config_.io_threads > 0 ? config_.io_threads : cores;
  options.header_timeout = std::chrono::milliseconds(config_.header_timeout_ms);
  options.body_timeout = std::chrono::milliseconds(config_.body_timeout_ms);
  options.shutdown_grace = std::chrono::milliseconds(config_.shutdown_grace_ms);
  options.access_log = config_.access_log;
  for (std::size_t start = 0; start < config_.trusted_proxies.size();) {
    const auto comma = std::min(config_.trusted_proxies.find(',', start), config_.trusted_proxies.size());
    std::string proxy = config_.trusted_proxies.substr(start, comma - start);
    proxy.erase(0, proxy.find_first_not_of(' '));
    proxy.erase(proxy.find_last_not_of(' ') + 1);
    if (!proxy.empty()) options.trusted_proxies.push_back(proxy);
    start = comma + 1;
  }
  http::Server server(options, dispatcher, pool, metrics_);
  server.Listen();
  if (config_.jobs_enabled) jobs_->Start();
  // Printed on stdout in this exact shape: test scripts wait for it and read the port from it.
  std::printf("tongban listening on http://%s:%d (db %s, pid %d)\n", config_.bind.c_str(), server.port(),
              db_->url().Redacted().c_str(), static_cast<int>(getpid()));
  std::fflush(stdout);
  server.Run();
  // Drain order: the server has stopped taking requests and finished in-flight ones; now finish
  // queued work, stop jobs, and close the database last.
  pool.Shutdown();
  jobs_->Stop();
  db_->Close();
  spdlog::info("stopped cleanly");
  return 0;
}

}  // namespace tongban
