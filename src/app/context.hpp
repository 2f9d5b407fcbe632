#pragma once
// What route tables and job handlers of every module may use: the shared platform services of one
// running server. Owned by App; modules keep references, never copies.
#include "platform/config/config.hpp"
#include "platform/http/dispatcher.hpp"
#include "platform/db/database.hpp"
#include "platform/jobs/runner.hpp"
#include "platform/metrics/metrics.hpp"
#include "platform/time/clock.hpp"

namespace tongban {

struct AppContext {
  const Config& config;
  db::Database& db;
  const time::Clock& clock;
  time::ManualClock* test_clock;  // non-null only for `serve --test-clock` in test mode
  Metrics& metrics;
  jobs::JobRunner& jobs;
  std::string data_dir;           // reference data (divisions, holidays)
  // Set by the identity module while routes are registered: who is calling, from cookie or key.
  http::Dispatcher::Authenticator authenticator;
};

}  // namespace tongban
