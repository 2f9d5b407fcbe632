#pragma once
// The HTTP/1.1 server (Boost.Beast over Asio, C++20 coroutines). Beast stays inside server.cpp;
// this header shows only plain types, so including it costs nothing.
//
// One session per connection: read the head (header timeout, also the keep-alive idle limit), plan
// the request, refuse an oversized body from its Content-Length before reading it, read the body
// (body timeout), run the handler inline or on the worker pool (503 + Retry-After when it is full),
// write the answer, log it, repeat while keep-alive holds. Stop() drains: the listener closes,
// idle connections close, in-flight requests finish (within the grace period).
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "platform/concurrency/worker_pool.hpp"
#include "platform/http/dispatcher.hpp"
#include "platform/metrics/metrics.hpp"

namespace tongban::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0 → any free port (see Server::port())
  int io_threads = 1;
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds shutdown_grace{10'000};
  std::size_t header_limit = 16 * 1024;
  bool access_log = true;
  // Only the X-Forwarded-For of these peers is believed (exact addresses).
  std::vector<std::string> trusted_proxies;
};

class Server {
 public:
  Server(ServerOptions options, const Dispatcher& dispatcher, WorkerPool& pool, Metrics& metrics);
  ~Server();
  // Binds now, so a busy port fails here, before anything else starts. Throws std::runtime_error.
  void Listen();
  int port() const;
  // Serves until Stop() or SIGINT/SIGTERM; returns once drained. Call Listen() first.
  void Run();
  // Thread-safe; returns at once. Run() returns when the drain is done.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tongban::http
