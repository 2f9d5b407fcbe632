#pragma once
// Reading what a caller sent, with every problem reported at once (DESIGN.md rule 5): path ids,
// time filters in the query, and the fields of a JSON object body. Plain types; no Beast.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/errors/error.hpp"
#include "platform/http/request.hpp"
#include "platform/time/clock.hpp"

namespace tongban::http {

// A positive 64-bit id from a path parameter; 400 http.bad_id otherwise.
std::int64_t ParseId(const std::string& text);
// The named query parameter as an RFC 3339 instant, or a YYYY-MM-DD date (its Shanghai start, or
// its end when `end_of_day`); nullopt when absent; 400 http.bad_query naming it when malformed.
std::optional<time::Instant> QueryInstant(const Request& request, const std::string& name, bool end_of_day = false);
// The named query parameter as a positive id; nullopt when absent; 400 when malformed.
std::optional<std::int64_t> QueryId(const Request& request, const std::string& name);

// Reads fields of a JSON object, collecting field errors; Check() throws one 422 with all of them.
// Strings are trimmed of surrounding ASCII spaces; lengths count characters, not bytes.
class BodyReader {
 public:
  explicit BodyReader(nlohmann::json body) : body_(std::move(body)) {}
  // A reader of an object nested at `pointer` ("/elements/materials/0") of a larger body: its
  // errors point there and name the field by that path; Absorb() them into the outer reader.
  BodyReader(nlohmann::json body, std::string pointer) : body_(std::move(body)), prefix_(std::move(pointer)) {}

  bool Has(const std::string& key) const { return body_.contains(key) && !body_[key].is_null(); }
  std::string String(const std::string& key, std::size_t min_chars, std::size_t max_chars);
  std::optional<std::string> OptString(const std::string& key, std::size_t max_chars);
  // One of `allowed`.
  std::string Enum(const std::string& key, const std::vector<std::string>& allowed);
  std::optional<std::string> OptEnum(const std::string& key, const std::vector<std::string>& allowed);
  bool Bool(const std::string& key, bool fallback);
  std::optional<bool> OptBool(const std::string& key);
  std::int64_t Int(const std::string& key, std::int64_t min, std::int64_t max, std::int64_t fallback);
  std::optional<std::int64_t> OptInt(const std::string& key, std::int64_t min, std::int64_t max);
  std::vector<std::string> StringList(const std::string& key, std::size_t max_items);
  std::optional<std::vector<std::string>> OptStringList(const std::string& key, std::size_t max_items);

  // Adds a problem found by the caller's own rule.
  void Fail(const std::string& key, std::string code, std::string zh, std::string en);
  // A problem at an absolute pointer (elements of arrays, rules across fields).
  void FailAt(std::string pointer, std::string code, std::string zh, std::string en);
  // Takes over a nested reader's errors.
  void Absorb(const BodyReader& child);
  // How messages name `key`: the path below the top level ("elements/fees/0/name").
  std::string Label(const std::string& key) const;
  const std::string& pointer() const { return prefix_; }
  bool ok() const { return errors_.empty(); }
  // Throws Error 422 `code` with every field error when any; else returns.
  void Check(const std::string& code = "input.invalid") const;
  const nlohmann::json& body() const { return body_; }

 private:
  nlohmann::json body_;
  std::string prefix_;
  std::vector<FieldError> errors_;
};

// Number of UTF-8 characters in `text`.
std::size_t CharCount(std::string_view text);

}  // namespace tongban::http
