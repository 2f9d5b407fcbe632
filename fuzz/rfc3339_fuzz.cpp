// Untrusted times (?from=, test clock): parse never crashes, and what parses formats and re-parses
// to the same instant.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "platform/time/clock.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tongban::time;
  const auto parsed = ParseRfc3339(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed) return 0;
  // Millisecond formatting drops microseconds; compare at that precision.
  const auto again = ParseRfc3339(FormatRfc3339(*parsed));
  if (!again) std::abort();
  if (std::chrono::floor<std::chrono::milliseconds>(*again) != std::chrono::floor<std::chrono::milliseconds>(*parsed))
    std::abort();
  return 0;
}
