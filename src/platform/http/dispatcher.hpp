#pragma once
// Turns a request into a response without knowing about sockets: finds the route, checks the
// caller's permission, runs the handler, and renders any error as problem+json. The Beast server
// (server.cpp) calls Plan() on the I/O thread after reading the head, then Run() where the plan
// says (inline or on the worker pool).
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "platform/errors/error.hpp"
#include "platform/http/router.hpp"
#include "platform/http/static_files.hpp"

namespace tongban::http {

struct DispatchPlan {
  const Route* route = nullptr;  // null for static files and early errors
  std::map<std::string, std::string> params;
  std::string path;              // decoded
  std::vector<std::pair<std::string, std::string>> query;
  std::optional<Error> early_error;  // 400 bad path, 404, 405: answered without reading a body
  bool serve_static = false;
  bool run_inline = false;
  std::size_t body_limit = 0;
  std::string metric_route;      // the route pattern, "static" or "unmatched"
};

class Dispatcher {
 public:
  // Establishes the caller from cookies or tokens; returns null for an anonymous caller. May throw
  // tongban::Error (an expired session is anonymous, but a POST without its CSRF token is 403).
  using Authenticator = std::function<std::shared_ptr<const Principal>(Request&)>;

  Dispatcher(const Router& router, const StaticFiles* static_files, std::size_t default_body_limit);
  void SetAuthenticator(Authenticator authenticator) { authenticator_ = std::move(authenticator); }

  // Cheap and non-blocking: safe on an I/O thread.
  DispatchPlan Plan(std::string_view method, std::string_view target) const;
  // Never throws: every failure becomes a problem+json response. Logs 5xx with the request id.
  Response Run(Request& request, const DispatchPlan& plan) const;

 private:
  Response RunRoute(Request& request, const Route& route) const;
  const Router& router_;
  const StaticFiles* static_files_;
  std::size_t default_body_limit_;
  Authenticator authenticator_;
};

}  // namespace tongban::http
