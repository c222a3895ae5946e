#include "feedback/survey_config.h"

#include <cstdlib>

namespace chariot::feedback {
namespace {

bool ParseDouble(const std::string& s, double& out) {
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end != nullptr && *end == '\0';
}

bool ParseInt(const std::string& s, int& out) {
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (end == nullptr || *end != '\0' || v < 0 || v > 100000) return false;
  out = static_cast<int>(v);
  return true;
}

}  // namespace

Result<SurveyConfig> SurveyConfigFromEnvironment(
    const std::function<const char*(const char*)>& getenv) {
  SurveyConfig config;
  auto value = [&](const char* name) -> std::string {
    const char* v = getenv(name);
    return v == nullptr ? std::string() : std::string(v);
  };
  if (std::string v = value("CHARIOT_SURVEY_KIND"); !v.empty()) {
    auto kind = ParseSurveyKind(v);
    if (!kind) return Status::InvalidArgument("CHARIOT_SURVEY_KIND must be nps, csat or goal");
    config.kind = *kind;
  }
  if (std::string v = value("CHARIOT_SURVEY_FOLLOWUP"); !v.empty()) {
    if (v == "never")
      config.follow_up = FollowUpPolicy::kNever;
    else if (v == "detractors")
      config.follow_up = FollowUpPolicy::kDetractors;
    else if (v == "always")
      config.follow_up = FollowUpPolicy::kAlways;
    else
      return Status::InvalidArgument("CHARIOT_SURVEY_FOLLOWUP must be never, detractors or always");
  }
  if (std::string v = value("CHARIOT_SURVEY_SAMPLE_RATE"); !v.empty()) {
    if (!ParseDouble(v, config.sample_rate) ||
        !(config.sample_rate >= 0 && config.sample_rate <= 1)) {
      return Status::InvalidArgument("CHARIOT_SURVEY_SAMPLE_RATE must be a number from 0 to 1");
    }
  }
  if (std::string v = value("CHARIOT_SURVEY_MIN_DAYS"); !v.empty()) {
    if (!ParseInt(v, config.min_days_between)) {
      return Status::InvalidArgument("CHARIOT_SURVEY_MIN_DAYS must be a whole number of days");
    }
  }
  if (std::string v = value("CHARIOT_VERBATIM_RETENTION_DAYS"); !v.empty()) {
    if (!ParseInt(v, config.verbatim_retention_days)) {
      return Status::InvalidArgument(
          "CHARIOT_VERBATIM_RETENTION_DAYS must be a whole number of days");
    }
  }
  config.webhook_url = value("CHARIOT_ALERT_WEBHOOK_URL");
  config.webhook_secret = value("CHARIOT_ALERT_WEBHOOK_SECRET");
  if (!config.webhook_url.empty() && config.webhook_url.rfind("http://", 0) != 0 &&
      config.webhook_url.rfind("https://", 0) != 0) {
    return Status::InvalidArgument("CHARIOT_ALERT_WEBHOOK_URL must start with http:// or https://");
  }
  return config;
}

}  // namespace chariot::feedback
