#pragma once
// The regular expressions of "pattern" and "patternProperties": ECMAScript syntax as JSON Schema
// asks, run by Boost.Regex (header-only, from libboost1.81-dev) over code points rather than
// std::regex, for three reasons: std::regex works on bytes, so [一-龥] or "." would not mean one
// Chinese character; libstdc++'s std::regex recurses once per character and overflows the stack on
// long input; and Boost bounds the work a match may do, where a backtracking std::regex can run
// for hours on a pattern like (a+)+b. The JavaScript escapes \uXXXX and \u{X…} are translated
// (Boost reads \u as "an upper-case letter"); ^ and $ match only at the ends of the string and
// "." not at a line break, as in JavaScript without flags.
//
// Only this file's .cpp includes Boost.Regex. A Regex is immutable; Search is thread-safe.
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace tongban::schema::internal {

class Regex {
 public:
  enum class Match { kFound, kNotFound, kTooComplex };

  // The compiled pattern, or why it does not compile (Boost's explanation, in English).
  static std::variant<Regex, std::string> Compile(std::string_view pattern);

  // Whether the pattern matches anywhere in `text` (UTF-8), unanchored as JSON Schema says;
  // kTooComplex when the match would pass the engine's bound on work or memory.
  Match Search(std::string_view text) const;

  const std::string& source() const { return source_; }

 private:
  struct Impl;
  Regex(std::shared_ptr<const Impl> impl, std::string source)
      : impl_(std::move(impl)), source_(std::move(source)) {}
  std::shared_ptr<const Impl> impl_;
  std::string source_;
};

}  // namespace tongban::schema::internal
