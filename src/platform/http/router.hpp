#pragma once
// The route table: method + path pattern → handler, with the permission each route declares
// (DESIGN.md: every route says who may call it; a test fails on a route without one).
// Modules export one `void RegisterXRoutes(Router&, ...)` that adds a table of routes.
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/request.hpp"
#include "platform/http/response.hpp"

namespace tongban::http {

// Permission values that are not `module.entity.action` strings.
inline constexpr std::string_view kPublic = "public";                // anyone, no login
inline constexpr std::string_view kAuthenticated = "authenticated";  // any logged-in caller
inline constexpr std::string_view kTestOnly = "test";                // registered only in test mode

// Where the handler runs. kWorker (the default) is for anything that touches the database or does
// real work; kInline runs on the I/O thread and must never block (health, metrics, static).
enum class Exec { kWorker, kInline };

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;      // "GET", "POST", ...
  std::string pattern;     // "/api/v1/cases/{id}/accept"
  std::string permission;  // kPublic, kAuthenticated, kTestOnly, or "cases.case.accept"
  Handler handler;
  Exec exec = Exec::kWorker;
  std::size_t body_limit = 0;  // bytes; 0 → the server's default
};

struct RouteMatch {
  const Route* route = nullptr;               // null when nothing matched
  std::map<std::string, std::string> params;  // decoded path parameters
  std::vector<std::string> allowed_methods;   // when the path matched but not the method (405)
};

class Router {
 public:
  // Throws std::logic_error on a duplicate method+pattern, an empty permission, or a malformed
  // pattern: these are programming errors, found at start-up.
  void Add(Route route);
  void AddAll(std::vector<Route> routes);
  // `path` is already percent-decoded. Thread-safe for concurrent lookups once start-up is done.
  RouteMatch Find(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Compiled {
    std::vector<std::string> segments;  // "{name}" marks a parameter
  };
  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
  std::map<std::size_t, std::vector<std::size_t>> by_segment_count_;
};

std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace tongban::http
