// Metrics: request counts by route and status, a latency histogram, the pool's queue depth,
// rendered as Prometheus text for GET /metrics.
//
// Thread safety: Record() and Render() are safe from many threads (one short lock).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace chariot::http {

class Metrics {
 public:
  void Record(const std::string& route, int status, int64_t micros);
  void SetQueueDepthSource(std::function<size_t()> source) { queue_depth_ = std::move(source); }
  void CountShed() { shed_.fetch_add(1); }
  std::string Render() const;

  // Buckets of the latency histogram, in microseconds.
  static constexpr std::array<int64_t, 12> kBucketsMicros = {
      100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 1000000};

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> counts_;
  std::array<uint64_t, kBucketsMicros.size() + 1> buckets_{};
  uint64_t observations_ = 0;
  double sum_seconds_ = 0;
  std::function<size_t()> queue_depth_;
  std::atomic<uint64_t> shed_{0};
};

// A low-cardinality label for a path: "/v1/users/u1/list" -> "/v1/users/{id}/list".
std::string RouteLabel(const std::string& path);

}  // namespace chariot::http
