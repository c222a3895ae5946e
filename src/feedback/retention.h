// RetentionSweeper: erases survey verbatims once they are older than the retention period.
//
// A background thread calls SurveyService::SweepVerbatims at start and then every `period`
// seconds; stopping (destruction) wakes it at once. Tests call SweepOnce() directly.
//
// Thread safety: construct and destroy from one thread; the sweep itself is thread-safe.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "feedback/survey_service.h"

namespace chariot::feedback {

class RetentionSweeper {
 public:
  RetentionSweeper(SurveyService& survey, int period_seconds = 3600);
  ~RetentionSweeper();
  RetentionSweeper(const RetentionSweeper&) = delete;
  RetentionSweeper& operator=(const RetentionSweeper&) = delete;

  // One sweep now; how many verbatims were erased.
  Result<int> SweepOnce() { return survey_.SweepVerbatims(); }

 private:
  SurveyService& survey_;
  int period_seconds_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace chariot::feedback
