#pragma once
// The one error type of Tongban (DESIGN.md rule 5). Thrown only for what ends a request or a job;
// expected outcomes (a miss, a rule that says no) are values. Rendered once, in problem.cpp, as
// RFC 9457 application/problem+json.
//
// Every code is a stable dotted string, `<module>.<what>` (`case.invalid_transition`), and its HTTP
// status is chosen by the named constructor, so the mapping lives in one place: here.
#include <exception>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tongban {

// One field-level problem in the input, addressed by JSON Pointer (RFC 6901).
struct FieldError {
  std::string pointer;  // "/applicant/id_number"; "" for the whole body
  std::string code;     // "required", "pattern", "type", ...
  std::string message_zh;
  std::string message_en;
};

class Error : public std::exception {
 public:
  Error(int status, std::string code, std::string message_zh, std::string message_en);

  // 400: the request cannot be read (malformed JSON, a bad query parameter).
  static Error BadRequest(std::string code, std::string zh, std::string en);
  // 401: no valid session or key.
  static Error Unauthenticated(std::string code, std::string zh, std::string en);
  // 403: known caller, no right.
  static Error Forbidden(std::string code, std::string zh, std::string en);
  static Error NotFound(std::string code, std::string zh, std::string en);
  static Error MethodNotAllowed(std::vector<std::string> allowed);
  // 409: wrong state, or a concurrent change won the race.
  static Error Conflict(std::string code, std::string zh, std::string en);
  static Error PayloadTooLarge(std::size_t limit_bytes);
  static Error UnsupportedMediaType(std::string expected);
  // 422: well-formed but invalid; carries the field errors, all of them at once.
  static Error Unprocessable(std::string code, std::string zh, std::string en,
                             std::vector<FieldError> errors = {});
  static Error TooManyRequests(std::string code, std::string zh, std::string en, int retry_after_s);
  // 500: a bug or an outage; the message never leaks internals to the caller.
  static Error Internal(std::string code, std::string what_for_log);
  // 503: overloaded or not ready; the caller may retry after `retry_after_s`.
  static Error Unavailable(std::string code, std::string zh, std::string en, int retry_after_s);

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& message_zh() const { return message_zh_; }
  const std::string& message_en() const { return message_en_; }
  const std::vector<FieldError>& errors() const { return errors_; }
  const nlohmann::json& details() const { return details_; }
  // Extra response headers (Allow, Retry-After).
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }
  // What the log gets; for a 500 this carries the internal reason the caller never sees.
  const char* what() const noexcept override { return log_message_.c_str(); }

  Error& WithDetails(nlohmann::json details);
  Error& WithFieldErrors(std::vector<FieldError> errors);
  Error& WithHeader(std::string name, std::string value);

 private:
  int status_;
  std::string code_;
  std::string message_zh_;
  std::string message_en_;
  std::string log_message_;
  std::vector<FieldError> errors_;
  nlohmann::json details_ = nlohmann::json::object();
  std::vector<std::pair<std::string, std::string>> headers_;
};

// The problem+json body (DESIGN.md, "API shape"). `english` picks the language of `title` and
// `detail`; field errors carry the same language. `request_id` ties the answer to the access log.
nlohmann::json ToProblemJson(const Error& error, bool english, const std::string& request_id);

// True when an Accept-Language header prefers English over Chinese (zh-CN is the default).
bool PrefersEnglish(std::string_view accept_language);

}  // namespace tongban
