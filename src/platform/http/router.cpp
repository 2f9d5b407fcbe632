#include "platform/http/router.hpp"

#include <stdexcept>

namespace tongban::http {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    const std::size_t end = path.find('/', i);
    out.push_back(path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
    if (end == std::string_view::npos) break;
    i = end + 1;
  }
  return out;
}

void Router::Add(Route route) {
  if (route.permission.empty())
    throw std::logic_error("route " + route.method + " " + route.pattern + " declares no permission");
  // Inline routes run on the I/O thread and skip authentication, so they must be public.
  if (route.exec == Exec::kInline && route.permission != kPublic)
    throw std::logic_error("inline route " + route.pattern + " must be public");
  if (route.pattern.empty() || route.pattern[0] != '/')
    throw std::logic_error("route pattern must start with '/': " + route.pattern);
  for (const auto& r : routes_)
    if (r.method == route.method && r.pattern == route.pattern)
      throw std::logic_error("duplicate route " + route.method + " " + route.pattern);
  Compiled compiled;
  for (auto seg : SplitPath(route.pattern)) {
    if (seg.front() == '{' && seg.back() != '}') throw std::logic_error("bad pattern " + route.pattern);
    compiled.segments.emplace_back(seg);
  }
  by_segment_count_[compiled.segments.size()].push_back(routes_.size());
  compiled_.push_back(std::move(compiled));
  routes_.push_back(std::move(route));
}

void Router::AddAll(std::vector<Route> routes) {
  for (auto& r : routes) Add(std::move(r));
}

RouteMatch Router::Find(std::string_view method, std::string_view path) const {
  RouteMatch match;
  const auto segments = SplitPath(path);
  const auto it = by_segment_count_.find(segments.size());
  if (it == by_segment_count_.end()) return match;
  // A literal segment beats a parameter: /items/search wins over /items/{code}. Among candidates
  // matching this path, pick the one with the most literal segments.
  int best_literals = -1;
  for (std::size_t index : it->second) {
    const auto& pattern = compiled_[index].segments;
    int literals = 0;
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      if (pattern[i].front() == '{') continue;
      ok = pattern[i] == segments[i];
      ++literals;
    }
    if (!ok) continue;
    const Route& route = routes_[index];
    if (route.method != method && !(method == "HEAD" && route.method == "GET")) {
      match.allowed_methods.push_back(route.method);
      continue;
    }
    if (literals <= best_literals) continue;
    best_literals = literals;
    match.route = &route;
    match.params.clear();
    for (std::size_t i = 0; i < segments.size(); ++i)
      if (pattern[i].front() == '{')
        match.params[pattern[i].substr(1, pattern[i].size() - 2)] = std::string(segments[i]);
  }
  if (match.route) match.allowed_methods.clear();
  return match;
}

}  // namespace tongban::http
