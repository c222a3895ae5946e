// Sampling: whether this session's customer is asked the satisfaction question.
//
// Rules, in order: never after a safety emergency; at most once per customer per
// `min_days_between` days (counting every session where the question was asked, answered or
// not); then a share `sample_rate` of the remaining sessions. The share is drawn from a hash of
// the session id, so a decision is reproducible (tests, audits) and needs no random source.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "feedback/survey_config.h"

namespace chariot::feedback {

enum class SamplingVerdict {
  kAsk,
  kEmergency,      // the session handled a safety emergency
  kAskedRecently,  // the customer was asked less than min_days_between days ago
  kNotSampled,     // outside the sample_rate share
};

struct SamplingInput {
  std::string_view session_id;
  bool emergency = false;
  std::optional<int64_t> last_asked_at;  // Unix seconds, for this customer
  int64_t now = 0;
};

SamplingVerdict DecideSampling(const SurveyConfig& config, const SamplingInput& input);

// A number in [0, 1) fixed for a session id (FNV-1a 64, mixed).
double SampleDraw(std::string_view session_id);

// The not_asked reason recorded for a verdict other than kAsk: "emergency" or "sampling".
const char* NotAskedReason(SamplingVerdict verdict);

}  // namespace chariot::feedback
