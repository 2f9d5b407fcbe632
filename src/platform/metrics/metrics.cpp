#include "platform/metrics/metrics.hpp"

#include <fmt/format.h>

namespace tongban {
namespace {
// Label values are route patterns and codes we choose, but escape anyway: the format requires it.
std::string Escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}
std::string LabelSet(const std::vector<std::pair<std::string, std::string>>& labels) {
  std::string out;
  for (const auto& [k, v] : labels) out += (out.empty() ? "" : ",") + k + "=\"" + Escape(v) + "\"";
  return out;
}
}  // namespace

Metrics::Metrics() : bounds_{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10} {}

void Metrics::ObserveRequest(const std::string& method, const std::string& route, int status, double seconds) {
  const std::string route_labels = LabelSet({{"method", method}, {"route", route}});
  const std::string status_labels = route_labels + ",status=\"" + std::to_string(status) + "\"";
  std::lock_guard lock(mu_);
  ++requests_[status_labels];
  Histogram& h = latency_[route_labels];
  if (h.buckets.empty()) h.buckets.assign(bounds_.size(), 0);
  for (std::size_t i = 0; i < bounds_.size(); ++i)
    if (seconds <= bounds_[i]) {
      ++h.buckets[i];
      break;
    }
  h.sum += seconds;
  ++h.count;
}

void Metrics::Increment(const std::string& name, const std::vector<std::pair<std::string, std::string>>& labels,
                        double by) {
  const std::string set = LabelSet(labels);
  std::lock_guard lock(mu_);
  counters_[name][set] += by;
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mu_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

void Metrics::DescribeCounter(std::string name, std::string help) {
  std::lock_guard lock(mu_);
  counter_help_[std::move(name)] = std::move(help);
}

std::string Metrics::Render() const {
  std::string out;
  std::lock_guard lock(mu_);
  out += "# HELP tongban_http_requests_total HTTP requests by method, route pattern and status.\n";
  out += "# TYPE tongban_http_requests_total counter\n";
  for (const auto& [labels, n] : requests_) out += fmt::format("tongban_http_requests_total{{{}}} {}\n", labels, n);
  out += "# HELP tongban_http_request_duration_seconds Time from request head read to response ready.\n";
  out += "# TYPE tongban_http_request_duration_seconds histogram\n";
  for (const auto& [labels, h] : latency_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < bounds_.size(); ++i) {
      cumulative += h.buckets[i];
      out += fmt::format("tongban_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels, bounds_[i],
                         cumulative);
    }
    out += fmt::format("tongban_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels, h.count);
    out += fmt::format("tongban_http_request_duration_seconds_sum{{{}}} {}\n", labels, h.sum);
    out += fmt::format("tongban_http_request_duration_seconds_count{{{}}} {}\n", labels, h.count);
  }
  for (const auto& [name, series] : counters_) {
    if (auto it = counter_help_.find(name); it != counter_help_.end())
      out += fmt::format("# HELP {} {}\n", name, it->second);
    out += fmt::format("# TYPE {} counter\n", name);
    for (const auto& [labels, v] : series)
      out += labels.empty() ? fmt::format("{} {}\n", name, v) : fmt::format("{}{{{}}} {}\n", name, labels, v);
  }
  for (const auto& g : gauges_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n{} {}\n", g.name, g.help, g.name, g.name, g.read());
  }
  return out;
}

}  // namespace tongban
