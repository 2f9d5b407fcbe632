#pragma once
// What route tables and job handlers of every module may use: the shared platform services of one
// running server. Owned by App; modules keep references, never copies.
#include <functional>
#include <memory>

#include <nlohmann/json.hpp>

#include "platform/calendar/working_calendar.hpp"
#include "platform/codes/division_table.hpp"
#include "platform/config/config.hpp"
#include "platform/http/dispatcher.hpp"
#include "platform/db/database.hpp"
#include "platform/jobs/runner.hpp"
#include "platform/metrics/metrics.hpp"
#include "platform/pii/pii.hpp"
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
  // Personal-data encryption under the KEK (platform/pii), made by App from the configuration.
  std::shared_ptr<const pii::Vault> vault;
  // The division table from data_dir/divisions (empty, with a warning, when the data is missing).
  std::shared_ptr<const codes::DivisionTable> divisions;
  // Set by the system module: the working calendar (shipped holidays + administrators' edits) as of
  // the caller's transaction. Checks the calendar version (one cheap query) and rebuilds its cached
  // table only when an edit bumped it. Thread-safe.
  std::function<std::shared_ptr<const calendar::WorkingCalendar>(db::Tx&)> calendar;
  // Set by the audit module: appends an audit record for an operator's action in `tx`. Platform
  // routes (jobs retry) call this hook instead of audit/service.hpp, because platform/ must not
  // depend on a domain module; domain modules call audit::Append directly.
  std::function<void(db::Tx& tx, const http::Request& request, const std::string& action,
                      const std::string& object_type, const std::string& object_id, const nlohmann::json& change)>
      audit;
};

}  // namespace tongban
