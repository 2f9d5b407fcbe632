#pragma once
// Logging setup: the default spdlog logger writes diagnostics to stderr; the "access" logger writes
// one line per request to stdout through a background thread, so I/O threads never wait on a pipe.
#include <string>

namespace tongban {

// `level`: trace, debug, info, warn, error, off. Idempotent.
void InitLogging(const std::string& level);
// Flushes and stops the background logger (before exit).
void ShutdownLogging();

}  // namespace tongban
