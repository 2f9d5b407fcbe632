#pragma once
// A fixed set of threads with a bounded queue, for the slow work the HTTP I/O threads must never do
// (database calls, password hashing, PDF rendering, signing). Bounded on purpose: when it is full
// the caller answers 503 with Retry-After instead of queueing without end.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tongban {

class WorkerPool {
 public:
  // `capacity` bounds queued + running tasks.
  WorkerPool(int threads, int capacity);
  ~WorkerPool();  // Shutdown()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; false (and `task` dropped) when the pool is at capacity or shutting down.
  // Thread-safe. A task must not throw: wrap it (the dispatcher turns exceptions into responses).
  bool TrySubmit(std::function<void()> task);
  // Runs every queued task, then joins the threads. Idempotent.
  void Shutdown();

  int threads() const { return static_cast<int>(threads_.size()); }
  int capacity() const { return capacity_; }
  int busy() const;    // running
  int queued() const;  // waiting

 private:
  void Loop();
  const int capacity_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  int running_ = 0;                          // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace tongban
