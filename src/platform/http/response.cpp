#include "platform/http/response.hpp"

#include "platform/errors/error.hpp"
#include "platform/http/request.hpp"

namespace tongban::http {

Response Response::Json(const nlohmann::json& body, int status) {
  Response r;
  r.status = status;
  // Invalid UTF-8 in stored text must not turn a good answer into a 500: replace it.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::Text(std::string body, std::string content_type, int status) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

Response Response::NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response Response::Problem(const Error& error, const Request& request) {
  Response r = Json(ToProblemJson(error, request.PrefersEnglish(), request.request_id), error.status());
  r.content_type = "application/problem+json";
  for (const auto& [k, v] : error.headers()) r.headers.emplace_back(k, v);
  return r;
}

void Response::SetHeader(std::string name, std::string value) {
  for (auto& [k, v] : headers) {
    if (k == name) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

}  // namespace tongban::http
