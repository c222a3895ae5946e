// Clock: the source of "now", injected so tests and `chariot parse --now` control time.
//
// Thread safety: SystemClock is stateless; FixedClock is safe to read from many threads while
// nobody calls Set.
#pragma once

#include <atomic>
#include <cstdint>

namespace chariot {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch (UTC).
  virtual int64_t NowSeconds() const = 0;
  virtual int64_t NowMicros() const { return NowSeconds() * 1000000; }
};

class SystemClock : public Clock {
 public:
  int64_t NowSeconds() const override;
  int64_t NowMicros() const override;
};

class FixedClock : public Clock {
 public:
  explicit FixedClock(int64_t seconds) : seconds_(seconds) {}
  int64_t NowSeconds() const override { return seconds_.load(); }
  void Set(int64_t seconds) { seconds_.store(seconds); }
  void Advance(int64_t seconds) { seconds_ += seconds; }

 private:
  std::atomic<int64_t> seconds_;
};

}  // namespace chariot
