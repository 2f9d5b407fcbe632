#pragma once
// Instants and the injected clock (DESIGN.md, "Time"). Instants are UTC; business dates are
// Asia/Shanghai dates computed here from the instant, never from the process's time zone.
// Shanghai has kept UTC+8 without daylight saving since 1991, so the offset is a constant.
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tongban::time {

using Instant = std::chrono::sys_time<std::chrono::microseconds>;
inline constexpr std::chrono::hours kShanghaiOffset{8};

// Where "now" comes from. Every rule that depends on time asks a Clock, so tests can move it.
// Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// A clock tests set by hand (`serve --test-clock`). Starts at the system time unless set; once
// set it stands still until set again or advanced, so a test sees exactly the time it chose.
class ManualClock final : public Clock {
 public:
  ManualClock();
  explicit ManualClock(Instant start);
  Instant Now() const override;
  void Set(Instant now);
  void Advance(std::chrono::microseconds by);

 private:
  std::atomic<std::int64_t> micros_since_epoch_;
};

// RFC 3339 in Shanghai time with its offset, e.g. "2026-11-23T09:30:00.123+08:00" (milliseconds
// shown only when non-zero). This is how the API sends instants.
std::string FormatRfc3339(Instant t);
// Parses RFC 3339 with 'Z' or a ±HH:MM offset, optional fraction. nullopt when malformed.
std::optional<Instant> ParseRfc3339(std::string_view text);
// The Asia/Shanghai calendar date of an instant, "YYYY-MM-DD".
std::string ShanghaiDate(Instant t);
// Microseconds since the Unix epoch, as stored in the database (a 64-bit integer column).
std::int64_t ToMicros(Instant t);
Instant FromMicros(std::int64_t micros);

}  // namespace tongban::time
