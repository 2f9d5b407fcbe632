#pragma once
// Prometheus metrics for GET /metrics: request counts by route and status, latency histograms by
// route, counters any module may bump, and gauges read at scrape time (pool usage).
// Thread-safe. Labels are route patterns (/api/v1/cases/{id}), never raw paths, so the number of
// series stays bounded.
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace tongban {

class Metrics {
 public:
  Metrics();
  void ObserveRequest(const std::string& method, const std::string& route, int status, double seconds);
  // Adds `by` to counter `name` with the given label set, e.g. {{"kind","deadline.scan"},{"outcome","done"}}.
  void Increment(const std::string& name, const std::vector<std::pair<std::string, std::string>>& labels,
                 double by = 1);
  // Registers a gauge read at every scrape. `read` must be thread-safe and quick.
  void AddGauge(std::string name, std::string help, std::function<double()> read);
  void DescribeCounter(std::string name, std::string help);
  // The Prometheus text exposition format, version 0.0.4.
  std::string Render() const;

 private:
  struct Histogram {
    std::vector<std::uint64_t> buckets;  // cumulative at render time; stored per bucket
    double sum = 0;
    std::uint64_t count = 0;
  };
  mutable std::mutex mu_;
  std::vector<double> bounds_;
  std::map<std::string, std::uint64_t> requests_;     // label set → count
  std::map<std::string, Histogram> latency_;          // label set → histogram
  std::map<std::string, std::map<std::string, double>> counters_;  // name → label set → value
  std::map<std::string, std::string> counter_help_;
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  std::vector<Gauge> gauges_;
};

}  // namespace tongban
