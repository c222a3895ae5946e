#include "feedback/sampling.h"

namespace chariot::feedback {

double SampleDraw(std::string_view session_id) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : session_id) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  // FNV-1a alone leaves similar ids ("session-1", "session-2") close in the high bits: mix them
  // with the splitmix64 finaliser before taking the top 53 bits as a double in [0, 1).
  hash ^= hash >> 30;
  hash *= 0xbf58476d1ce4e5b9ull;
  hash ^= hash >> 27;
  hash *= 0x94d049bb133111ebull;
  hash ^= hash >> 31;
  return static_cast<double>(hash >> 11) / static_cast<double>(1ull << 53);
}

SamplingVerdict DecideSampling(const SurveyConfig& config, const SamplingInput& input) {
  if (input.emergency) return SamplingVerdict::kEmergency;
  if (config.min_days_between > 0 && input.last_asked_at.has_value() &&
      input.now - *input.last_asked_at < static_cast<int64_t>(config.min_days_between) * 86400) {
    return SamplingVerdict::kAskedRecently;
  }
  if (config.sample_rate < 1.0 && SampleDraw(input.session_id) >= config.sample_rate) {
    return SamplingVerdict::kNotSampled;
  }
  return SamplingVerdict::kAsk;
}

const char* NotAskedReason(SamplingVerdict verdict) {
  return verdict == SamplingVerdict::kEmergency ? "emergency" : "sampling";
}

}  // namespace chariot::feedback
