#include "feedback/retention.h"

#include <chrono>

namespace chariot::feedback {

RetentionSweeper::RetentionSweeper(SurveyService& survey, int period_seconds)
    : survey_(survey), period_seconds_(period_seconds > 0 ? period_seconds : 3600) {
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      survey_.SweepVerbatims();  // a failure (database busy) is retried at the next period
      lock.lock();
      wake_.wait_for(lock, std::chrono::seconds(period_seconds_), [&] { return stopping_; });
    }
  });
}

RetentionSweeper::~RetentionSweeper() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace chariot::feedback
