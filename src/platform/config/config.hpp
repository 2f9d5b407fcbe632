#pragma once
// Every setting of `tongban serve`, with its default. docs/tongban.conf.example lists each key with
// a comment; keep the two in step. Precedence: defaults < config file (--config) < environment
// (TONGBAN_<KEY>) < command-line flags.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace tongban {

struct Config {
  // HTTP
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string web_dir;                     // "" → web/dist found beside the binary or the cwd
  int io_threads = 0;                      // 0 → one per core
  int worker_threads = 8;                  // database work, hashing, rendering
  int worker_queue = 256;                  // queued + running jobs beyond which we answer 503
  std::size_t body_limit = 1 << 20;        // bytes; routes may set their own
  int header_timeout_ms = 10'000;          // whole request head, also the keep-alive idle wait
  int body_timeout_ms = 30'000;            // whole request body
  int shutdown_grace_ms = 10'000;          // in-flight requests get this long after SIGTERM
  bool access_log = true;
  // Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed; "" → none.
  std::string trusted_proxies;
  // The address the public reaches this platform at: the root of every link a document carries
  // (a notice's QR code, a licence's id). No trailing slash.
  std::string public_base_url = "http://127.0.0.1:8080";
  // Storage
  std::string db = "sqlite://var/tongban.db";
  int db_pool_size = 8;
  int db_busy_timeout_ms = 5'000;
  // Directory for stored files (materials, evidence, generated PDFs), shared by every server;
  // "" → the bytes are kept in the database. See platform/files/file_store.hpp.
  std::string storage_dir;
  // Jobs
  bool jobs_enabled = true;
  int job_poll_ms = 500;
  int job_lease_ms = 60'000;               // a claimed job not finished by then is claimed again
  // Logging
  std::string log_level = "info";
  // Data shipped with the product (divisions, holidays); "" → data/ beside the binary or the cwd.
  std::string data_dir;
  // Key-encryption key: 64 hex characters (32 bytes). "" → see platform/pii/kek.hpp (dev/test only).
  // Back it up with the database: without it encrypted personal data and signing keys are lost.
  std::string kek;
  // Testing: only honoured when the environment has TONGBAN_TEST_MODE=1.
  bool test_clock = false;
};

// Reads KEY=VALUE lines (# comments, blank lines) into `values`; keys are the lower-case names of
// the fields above. Throws tongban::Error (400, config.*) naming the line when it cannot be read.
std::map<std::string, std::string> ReadConfigFile(const std::string& path);

// Applies `values` (from a file or the environment) to `config`. Unknown keys and values of the
// wrong type are errors naming the key: a typo in production config must not pass silently.
void ApplyConfigValues(Config& config, const std::map<std::string, std::string>& values);

// The TONGBAN_* environment variables, as keys for ApplyConfigValues (TONGBAN_DB → "db").
// Variables that are not settings (TONGBAN_TEST_MODE, TONGBAN_SHARED) are skipped.
std::map<std::string, std::string> ConfigValuesFromEnvironment();

// Every setting's key, for docs/tongban.conf.example's test.
std::vector<std::string> ConfigKeys();

bool TestModeEnabled();  // TONGBAN_TEST_MODE=1

}  // namespace tongban
