// The only translation unit that includes Beast (DESIGN.md: it takes ~20 s and 0.8 GB to compile).
#include "platform/http/server.hpp"

#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include "platform/crypto/hash.hpp"

namespace tongban::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kAsTuple = asio::as_tuple(asio::use_awaitable);

namespace {

// What Stop() needs to reach a session: its strand and, while it waits for a request, its stream.
struct SessionControl {
  asio::any_io_executor executor;
  beast::tcp_stream* stream = nullptr;
  bool idle = false;  // waiting for the next request head; touched only on `executor`
};

bool IsSaneRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, const Dispatcher& dispatcher, WorkerPool& pool, Metrics& metrics)
      : options_(std::move(options)),
        dispatcher_(dispatcher),
        pool_(pool),
        metrics_(metrics),
        ioc_(std::max(1, options_.io_threads)),
        acceptor_(ioc_),
        signals_(ioc_, SIGINT, SIGTERM),
        grace_timer_(ioc_),
        request_id_prefix_(crypto::RandomHex(4)),
        access_log_(spdlog::get("access")) {}

  void Listen() {
    const tcp::endpoint endpoint(asio::ip::make_address(options_.bind), static_cast<unsigned short>(options_.port));
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
  }

  int port() const { return acceptor_.local_endpoint().port(); }

  void Run() {
    signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      spdlog::info("signal {}: draining connections", signal);
      BeginDrain();
    });
    asio::co_spawn(acceptor_.get_executor(), Accept(), asio::detached);
    std::vector<std::thread> threads;
    for (int i = 1; i < options_.io_threads; ++i) threads.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : threads) t.join();
  }

  void Stop() {
    asio::post(ioc_, [this] { BeginDrain(); });
  }

 private:
  awaitable<void> Accept() {
    for (;;) {
      auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_), kAsTuple);
      if (ec) {
        if (stopping_ || ec == asio::error::operation_aborted) co_return;
        // Out of descriptors or a transient error: back off briefly instead of spinning.
        spdlog::warn("accept failed: {}", ec.message());
        asio::steady_timer pause(ioc_, std::chrono::milliseconds(50));
        co_await pause.async_wait(kAsTuple);
        continue;
      }
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      auto executor = socket.get_executor();
      asio::co_spawn(executor, Session(std::move(socket)), asio::detached);
    }
  }

  awaitable<void> Session(tcp::socket socket) {
    auto control = std::make_shared<SessionControl>();
    beast::tcp_stream stream(std::move(socket));
    control->executor = stream.get_executor();
    control->stream = &stream;
    const std::uint64_t id = Register(control);
    boost::system::error_code ec;
    const auto peer = stream.socket().remote_endpoint(ec);
    const std::string peer_addr = ec ? "" : peer.address().to_string();
    try {
      co_await Serve(stream, *control, peer_addr);
    } catch (const std::exception& e) {
      spdlog::error("session {} ended by exception: {}", peer_addr, e.what());
    }
    control->stream = nullptr;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.socket().close(ec);
    Unregister(id);
  }

  awaitable<void> Serve(beast::tcp_stream& stream, SessionControl& control, const std::string& peer_addr) {
    beast::flat_buffer buffer;
    for (;;) {
      if (stopping_) co_return;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
      // Beast would judge Content-Length against its own default limit while reading the head;
      // the route's limit is known only after the head, and is applied below.
      parser.body_limit(boost::none);
      // The head must arrive whole within the header timeout: this is also how long an idle
      // keep-alive connection may wait, and what drops a client sending a byte per second.
      stream.expires_after(options_.header_timeout);
      control.idle = true;
      auto [read_ec, head_bytes] = co_await bhttp::async_read_header(stream, buffer, parser, kAsTuple);
      control.idle = false;
      if (read_ec) {
        if (read_ec == bhttp::error::header_limit)
          co_await WriteBare(stream, bhttp::status::request_header_fields_too_large);
        else if (read_ec.category() == beast::error_code(bhttp::error::bad_method).category() &&
                 read_ec != bhttp::error::end_of_stream && read_ec != bhttp::error::partial_message)
          co_await WriteBare(stream, bhttp::status::bad_request);
        co_return;  // timeout, EOF, reset, cancelled by Stop()
      }
      const auto started = std::chrono::steady_clock::now();
      auto& head = parser.get();

      Request request;
      request.method = std::string(head.method_string());
      request.target = std::string(head.target());
      for (const auto& field : head) request.headers.emplace_back(Lower(field.name_string()), std::string(field.value()));
      const std::string_view incoming_id = request.Header("x-request-id");
      request.request_id = IsSaneRequestId(incoming_id) ? std::string(incoming_id) : NextRequestId();
      request.peer_addr = peer_addr;
      request.client_addr = ClientAddress(request);
      const DispatchPlan plan = dispatcher_.Plan(request.method, request.target);
      request.path = plan.path;
      request.query = plan.query;
      request.path_params = plan.params;

      Response response;
      bool refuse_body = false;
      if (plan.early_error && !parser.is_done()) {
        // A 404/405/400 decided from the head alone: answer without reading the body.
        response = dispatcher_.Run(request, plan);
        refuse_body = true;
      } else if (parser.content_length() && *parser.content_length() > plan.body_limit) {
        response = Response::Problem(Error::PayloadTooLarge(plan.body_limit), request);
        refuse_body = true;
      } else {
        if (!parser.is_done()) {
          parser.body_limit(plan.body_limit);  // also bounds a chunked body with no length
          stream.expires_after(options_.body_timeout);
          auto [body_ec, body_bytes] = co_await bhttp::async_read(stream, buffer, parser, kAsTuple);
          if (body_ec == bhttp::error::body_limit) {
            response = Response::Problem(Error::PayloadTooLarge(plan.body_limit), request);
            refuse_body = true;
          } else if (body_ec) {
            co_return;  // slow or broken client: drop it
          }
        }
        if (!refuse_body) {
          request.body = std::move(parser.get().body());
          // Not a ?: expression: GCC 12 mishandles temporaries of a co_await inside a conditional.
          if (plan.run_inline) {
            response = dispatcher_.Run(request, plan);
          } else {
            // RunOnPool fills `response` rather than returning it: GCC 12 destroyed the returned
            // Response's temporary early (heap-use-after-free under ASAN on every worker route).
            co_await RunOnPool(request, plan, response);
          }
        }
      }

      const bool keep_alive = parser.keep_alive() && !refuse_body && !stopping_;
      bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), head.version()};
      out.set(bhttp::field::server, "tongban");
      if (!response.content_type.empty()) out.set(bhttp::field::content_type, response.content_type);
      out.set("X-Request-Id", request.request_id);
      for (auto& [name, value] : response.headers) out.set(name, value);
      const std::size_t body_size = response.body.size();
      if (request.method == "HEAD") {
        out.content_length(body_size);  // the length a GET would have, and no body
      } else {
        out.body() = std::move(response.body);
        out.prepare_payload();
      }
      out.keep_alive(keep_alive);
      stream.expires_after(options_.body_timeout);
      auto [write_ec, written] = co_await bhttp::async_write(stream, out, kAsTuple);

      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      metrics_.ObserveRequest(request.method, plan.metric_route, response.status, seconds);
      if (options_.access_log && access_log_)
        access_log_->info("{} {} \"{} {}\" {} {} {:.3f}ms", request.request_id, request.client_addr, request.method,
                          request.target, response.status, body_size, seconds * 1000);
      if (write_ec) co_return;
      if (refuse_body) {
        co_await LingeringClose(stream);
        co_return;
      }
      if (!keep_alive) co_return;
    }
  }

  // After refusing a body we close; but closing with unread bytes makes the kernel send RST, which
  // can destroy our answer before the client reads it. So stop sending, then read and discard
  // (into a small buffer, never into memory) for a bounded time, as nginx's lingering_close does.
  awaitable<void> LingeringClose(beast::tcp_stream& stream) {
    boost::system::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(std::chrono::seconds(2));
    std::array<char, 16 * 1024> sink;
    for (;;) {
      auto [read_ec, n] = co_await stream.async_read_some(asio::buffer(sink), kAsTuple);
      if (read_ec) co_return;
    }
  }

  awaitable<void> WriteBare(beast::tcp_stream& stream, bhttp::status status) {
    bhttp::response<bhttp::string_body> out{status, 11};
    out.set(bhttp::field::server, "tongban");
    out.keep_alive(false);
    out.prepare_payload();
    stream.expires_after(options_.header_timeout);
    co_await bhttp::async_write(stream, out, kAsTuple);
  }

  // A pooled call's meeting point: the worker fills `result`, then (on the session's strand) marks
  // it done and cancels the timer the session coroutine waits on.
  struct PoolCall {
    explicit PoolCall(const asio::any_io_executor& executor) : wake(executor, asio::steady_timer::time_point::max()) {}
    asio::steady_timer wake;
    std::optional<Response> result;
    bool done = false;  // touched only on the session's strand
  };

  // Runs the handler on the worker pool and fills `out`. Written without a lambda or a returned
  // value inside a co_await expression: GCC 12 destroyed such temporaries early (ASAN: heap-use-
  // after-free of the returned Response on every worker route, and random crashes).
  awaitable<void> RunOnPool(Request& request, const DispatchPlan& plan, Response& out) {
    const asio::any_io_executor executor = co_await asio::this_coro::executor;
    const auto call = std::make_shared<PoolCall>(executor);
    std::function<void()> task = [this, &request, &plan, call, executor] {
      call->result = dispatcher_.Run(request, plan);
      asio::post(executor, [call] {
        call->done = true;
        call->wake.cancel();
      });
    };
    if (pool_.TrySubmit(std::move(task))) {
      while (!call->done) {
        boost::system::error_code ignored;
        auto token = asio::redirect_error(use_awaitable, ignored);
        co_await call->wake.async_wait(token);
      }
    }
    if (call->result) {
      out = std::move(*call->result);
    } else {
      out = Response::Problem(Error::Unavailable("http.overloaded", "服务繁忙，请稍后重试", "The server is busy; retry shortly", 1),
                              request);
    }
  }

  std::string NextRequestId() {
    // A random per-process prefix keeps ids unique across servers; the counter keeps them cheap.
    return fmt::format("{}-{:08x}", request_id_prefix_, ++request_counter_);
  }

  std::string ClientAddress(const Request& request) const {
    const bool trusted = std::find(options_.trusted_proxies.begin(), options_.trusted_proxies.end(),
                                   request.peer_addr) != options_.trusted_proxies.end();
    const std::string_view forwarded = request.Header("x-forwarded-for");
    if (!trusted || forwarded.empty()) return request.peer_addr;
    // The rightmost address our trusted proxy did not add itself is the client as far as we know.
    std::vector<std::string> hops;
    std::size_t start = 0;
    while (start <= forwarded.size()) {
      const auto comma = forwarded.find(',', start);
      hops.push_back(Trim(forwarded.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
      const bool hop_trusted = std::find(options_.trusted_proxies.begin(), options_.trusted_proxies.end(), *it) !=
                               options_.trusted_proxies.end();
      if (!hop_trusted && !it->empty()) return *it;
    }
    return request.peer_addr;
  }

  std::uint64_t Register(std::shared_ptr<SessionControl> control) {
    std::lock_guard lock(sessions_mu_);
    const std::uint64_t id = ++next_session_;
    sessions_[id] = std::move(control);
    return id;
  }

  void Unregister(std::uint64_t id) {
    std::lock_guard lock(sessions_mu_);
    sessions_.erase(id);
    if (stopping_ && sessions_.empty()) asio::post(ioc_, [this] { grace_timer_.cancel(); });
  }

  void BeginDrain() {
    if (stopping_.exchange(true)) return;
    boost::system::error_code ec;
    signals_.cancel(ec);
    acceptor_.close(ec);
    std::lock_guard lock(sessions_mu_);
    for (auto& [id, control] : sessions_) {
      asio::post(control->executor, [control] {
        if (control->idle && control->stream) control->stream->cancel();
      });
    }
    // In-flight requests get the grace period; then whatever is left is cut off.
    grace_timer_.expires_after(options_.shutdown_grace);
    grace_timer_.async_wait([this](const boost::system::error_code& wait_ec) {
      if (!wait_ec) spdlog::warn("shutdown grace period over; closing remaining connections");
      ioc_.stop();
    });
    if (sessions_.empty()) grace_timer_.cancel();
  }

  ServerOptions options_;
  const Dispatcher& dispatcher_;
  WorkerPool& pool_;
  Metrics& metrics_;
  asio::io_context ioc_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  asio::steady_timer grace_timer_;
  std::atomic<bool> stopping_{false};
  std::mutex sessions_mu_;
  std::unordered_map<std::uint64_t, std::shared_ptr<SessionControl>> sessions_;  // guarded by sessions_mu_
  std::uint64_t next_session_ = 0;                                               // guarded by sessions_mu_
  const std::string request_id_prefix_;
  std::atomic<std::uint64_t> request_counter_{0};
  std::shared_ptr<spdlog::logger> access_log_;
};

Server::Server(ServerOptions options, const Dispatcher& dispatcher, WorkerPool& pool, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher, pool, metrics)) {}
Server::~Server() = default;
void Server::Listen() { impl_->Listen(); }
int Server::port() const { return impl_->port(); }
void Server::Run() { impl_->Run(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace tongban::http
