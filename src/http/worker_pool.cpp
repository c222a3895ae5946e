#include "http/worker_pool.h"

namespace chariot::http {
namespace {
thread_local bool t_shedding = false;
}

WorkerPool::WorkerPool(size_t threads, size_t max_queued, size_t shedding_threads)
    : capacity_(threads + max_queued) {
  for (size_t i = 0; i < threads; ++i) main_.threads.emplace_back([this] { Work(main_, false); });
  for (size_t i = 0; i < shedding_threads; ++i) {
    shedding_.threads.emplace_back([this] { Work(shedding_, true); });
  }
}

WorkerPool::~WorkerPool() { shutdown(); }

bool WorkerPool::IsShedding() { return t_shedding; }

size_t WorkerPool::QueueDepth() const { return queued_.load(); }

void WorkerPool::enqueue(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> lock(main_.mutex);
    // Admitted while running + waiting stays within threads + max_queued; counting running jobs
    // (not only the queue) keeps a burst from being shed while workers are still waking up.
    if (admitted_ < capacity_) {
      ++admitted_;
      main_.jobs.push_back(std::move(fn));
      queued_.store(main_.jobs.size());
      main_.ready.notify_one();
      return;
    }
  }
  // The connection must still be served (closing it is the task's job), only with a 503.
  std::lock_guard<std::mutex> lock(shedding_.mutex);
  shedding_.jobs.push_back(std::move(fn));
  shedding_.ready.notify_one();
}

void WorkerPool::Work(Lane& lane, bool shedding) {
  t_shedding = shedding;
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(lane.mutex);
      lane.ready.wait(lock, [&] { return stopping_.load() || !lane.jobs.empty(); });
      if (lane.jobs.empty()) return;  // stopping, and everything queued was served
      job = std::move(lane.jobs.front());
      lane.jobs.pop_front();
      if (!shedding) queued_.store(lane.jobs.size());
    }
    job();
    if (!shedding) {
      std::lock_guard<std::mutex> lock(lane.mutex);
      --admitted_;
    }
  }
}

void WorkerPool::shutdown() {
  if (stopping_.exchange(true)) return;
  for (Lane* lane : {&main_, &shedding_}) {
    { std::lock_guard<std::mutex> lock(lane->mutex); }
    lane->ready.notify_all();
    for (auto& thread : lane->threads) thread.join();
  }
}

}  // namespace chariot::http
