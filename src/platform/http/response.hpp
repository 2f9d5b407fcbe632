#pragma once
// What a route handler returns: plain types, no Beast.
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace tongban {
class Error;
}

namespace tongban::http {

struct Request;

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  static Response Json(const nlohmann::json& body, int status = 200);
  static Response Text(std::string body, std::string content_type = "text/plain; charset=utf-8", int status = 200);
  static Response NoContent();
  // problem+json in the caller's language, with the error's extra headers.
  static Response Problem(const Error& error, const Request& request);
  void SetHeader(std::string name, std::string value);
};

}  // namespace tongban::http
