#include "platform/http/dispatcher.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

namespace tongban::http {
namespace {

bool HasEncodedSeparator(std::string_view raw_path) {
  // %2F and %5C would let "a%2F..%2Fb" become a path the router and the static handler never saw.
  for (std::size_t i = 0; i + 2 < raw_path.size(); ++i) {
    if (raw_path[i] != '%') continue;
    const char a = raw_path[i + 1], b = static_cast<char>(std::toupper(static_cast<unsigned char>(raw_path[i + 2])));
    if ((a == '2' && b == 'F') || (a == '5' && b == 'C')) return true;
  }
  return false;
}

bool IsApiPath(std::string_view path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

}  // namespace

Dispatcher::Dispatcher(const Router& router, const StaticFiles* static_files, std::size_t default_body_limit)
    : router_(router), static_files_(static_files), default_body_limit_(default_body_limit) {}

DispatchPlan Dispatcher::Plan(std::string_view method, std::string_view target) const {
  DispatchPlan plan;
  plan.body_limit = default_body_limit_;
  plan.metric_route = "unmatched";
  const auto qmark = target.find('?');
  const std::string_view raw_path = target.substr(0, qmark);
  auto bad_path = [&] {
    plan.early_error = Error::BadRequest("http.bad_path", "请求路径不合法", "The request path is not acceptable");
    plan.run_inline = true;
    return plan;
  };
  if (raw_path.empty() || raw_path[0] != '/' || HasEncodedSeparator(raw_path)) return bad_path();
  auto decoded = PercentDecode(raw_path);
  if (!decoded) return bad_path();
  plan.path = std::move(*decoded);
  if (qmark != std::string_view::npos) {
    try {
      plan.query = ParseQuery(target.substr(qmark + 1));
    } catch (const Error& e) {
      plan.early_error = e;
      plan.run_inline = true;
      return plan;
    }
  }

  RouteMatch match = router_.Find(method, plan.path);
  if (match.route) {
    plan.route = match.route;
    plan.params = std::move(match.params);
    plan.run_inline = match.route->exec == Exec::kInline;
    plan.metric_route = match.route->pattern;
    if (match.route->body_limit) plan.body_limit = match.route->body_limit;
    return plan;
  }
  plan.run_inline = true;
  if (!match.allowed_methods.empty()) {
    std::sort(match.allowed_methods.begin(), match.allowed_methods.end());
    plan.early_error = Error::MethodNotAllowed(std::move(match.allowed_methods));
    return plan;
  }
  if (!IsApiPath(plan.path) && static_files_ && (method == "GET" || method == "HEAD")) {
    plan.serve_static = true;
    plan.metric_route = "static";
    return plan;
  }
  plan.early_error = Error::NotFound("http.no_route", "没有这个接口：" + plan.path, "No such endpoint: " + plan.path);
  return plan;
}

Response Dispatcher::Run(Request& request, const DispatchPlan& plan) const {
  try {
    if (plan.early_error) return Response::Problem(*plan.early_error, request);
    if (plan.serve_static) return static_files_->Serve(request);
    return RunRoute(request, *plan.route);
  } catch (const Error& e) {
    if (e.status() >= 500) spdlog::error("request {} {} {}: {}", request.request_id, request.method, request.path, e.what());
    return Response::Problem(e, request);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path, e.what());
    return Response::Problem(Error::Internal("internal", e.what()), request);
  } catch (...) {
    spdlog::error("request {} {} {} failed with a non-standard exception", request.request_id, request.method,
                  request.path);
    return Response::Problem(Error::Internal("internal", "unknown exception"), request);
  }
}

Response Dispatcher::RunRoute(Request& request, const Route& route) const {
  const std::string_view permission = route.permission;
  const bool open = permission == kPublic || permission == kTestOnly;
  // Inline routes are public by construction (they may not touch the database the authenticator
  // reads); everything else learns who is calling, even public routes that adapt to a logged-in user.
  if (route.exec == Exec::kWorker && authenticator_) request.principal = authenticator_(request);
  if (!open) {
    if (!request.principal)
      throw Error::Unauthenticated("auth.required", "请先登录", "Please log in first");
    if (permission != kAuthenticated && !request.principal->HasPermission(permission))
      throw Error::Forbidden("auth.forbidden", "没有权限：" + std::string(permission),
                             "Not allowed: requires permission " + std::string(permission))
          .WithDetails({{"permission", permission}});
  }
  return route.handler(request);
}

}  // namespace tongban::http
