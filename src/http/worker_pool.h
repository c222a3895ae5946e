// WorkerPool: cpp-httplib's task queue, bounded.
//
// cpp-httplib hands each accepted connection to the queue and its default pool queues without
// end, so under overload latency grows without bound. Here at most `max_queued` connections
// wait; beyond that a connection goes to a small shedding pool whose threads mark themselves
// (IsShedding()) so the pre-routing handler answers 503 with Retry-After at once and closes.
// A keep-alive connection holds its worker for its whole life: size `threads` above the
// expected connections (threads are cheap) and keep the keep-alive timeout short.
//
// Thread safety: enqueue() from the accept thread, workers run concurrently; QueueDepth() from
// any thread.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace chariot::http {

class WorkerPool : public httplib::TaskQueue {
 public:
  WorkerPool(size_t threads, size_t max_queued, size_t shedding_threads = 2);
  ~WorkerPool() override;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

  size_t QueueDepth() const;
  // True on a shedding thread: the request must be refused with 503.
  static bool IsShedding();

 private:
  struct Lane {
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<std::function<void()>> jobs;
    std::vector<std::thread> threads;
  };
  void Work(Lane& lane, bool shedding);

  const size_t capacity_;  // threads + max_queued
  size_t admitted_ = 0;    // running or waiting in the main lane; guarded by main_.mutex
  Lane main_;
  Lane shedding_;
  std::atomic<bool> stopping_{false};
  std::atomic<size_t> queued_{0};
};

}  // namespace chariot::http
