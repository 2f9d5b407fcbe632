#pragma once
// What a route handler sees of an HTTP request: plain types, no Beast (DESIGN.md, "Concurrency").
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace tongban::http {

// Who is calling, as the authentication hook established it. Platform code knows only the generic
// shape; the identity module fills it.
struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string kind;  // "user", "applicant", "api_key"
  std::int64_t department_id = 0;
  std::string display_name;     // for audit records and the UI
  std::string department_name;  // "" when the caller has no department (applicants, API keys)
  std::vector<std::string> roles;
  std::vector<std::string> permissions;  // sorted, for binary search
  std::string session_id;                // empty for API keys
  bool HasPermission(std::string_view permission) const;
};

struct Request {
  std::string method;       // "GET"
  std::string target;       // as sent: path and query
  std::string path;         // percent-decoded path without the query
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  std::map<std::string, std::string> path_params;  // "{id}" → value, decoded
  std::string request_id;
  std::string peer_addr;    // the TCP peer
  std::string client_addr;  // the client as far as trusted proxies tell; = peer_addr by default
  std::shared_ptr<const Principal> principal;  // null when anonymous

  // "" when absent. `name` is lower-case.
  std::string_view Header(std::string_view name) const;
  std::optional<std::string> QueryParam(std::string_view name) const;
  // The path parameter; a route pattern that names it guarantees it exists.
  const std::string& Param(const std::string& name) const { return path_params.at(name); }
  bool PrefersEnglish() const;

  // The body as JSON. 415 unless Content-Type is application/json; 400 with the parser's
  // position when it is not JSON. An empty body is 400 too.
  nlohmann::json JsonBody() const;
  // The body as a JSON object (422 when it is another JSON type).
  nlohmann::json JsonObjectBody() const;
};

// Decodes %XX (and nothing else: '+' stays '+', since this is for paths). nullopt when a % is
// not followed by two hex digits or the result would contain NUL.
std::optional<std::string> PercentDecode(std::string_view in);
// Splits a query string into decoded pairs ('+' means space here). Malformed escapes → 400.
std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view query);

}  // namespace tongban::http
