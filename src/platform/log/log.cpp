#include "platform/log/log.hpp"

#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace tongban {

void InitLogging(const std::string& level) {
  if (spdlog::get("access")) return;
  auto diagnostics = spdlog::stderr_logger_mt("tongban");
  diagnostics->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
  spdlog::set_default_logger(diagnostics);
  spdlog::set_level(spdlog::level::from_str(level));
  spdlog::init_thread_pool(16384, 1);
  // Overflow drops the oldest line rather than blocking a request when stdout is slow.
  auto access = spdlog::create_async_nb<spdlog::sinks::stdout_sink_mt>("access");
  access->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z access %v");
  access->set_level(spdlog::level::info);
  spdlog::flush_every(std::chrono::seconds(1));
}

void ShutdownLogging() { spdlog::shutdown(); }

}  // namespace tongban
