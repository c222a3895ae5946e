// SurveyConfig: how the satisfaction question is asked and what happens to the answers.
//
// Filled by the app from the environment (SurveyConfigFromEnvironment) or its config file.
// Environment variables (docs/SURVEY.md):
//   CHARIOT_SURVEY_KIND              nps (default) | csat | goal
//   CHARIOT_SURVEY_FOLLOWUP          detractors (default) | always | never
//   CHARIOT_SURVEY_SAMPLE_RATE       0..1, share of eligible sessions asked (default 1)
//   CHARIOT_SURVEY_MIN_DAYS          ask one customer at most once per N days (default 30; 0:
//   always) CHARIOT_VERBATIM_RETENTION_DAYS  verbatims are erased after N days (default 365; 0:
//   kept) CHARIOT_ALERT_WEBHOOK_URL        detractor alerts are POSTed there (default: none)
//   CHARIOT_ALERT_WEBHOOK_SECRET     HMAC-SHA256 key of the X-Chariot-Signature header
//
// Thread safety: a value.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/status.h"
#include "feedback/survey_kind.h"

namespace chariot::feedback {

enum class FollowUpPolicy { kNever, kDetractors, kAlways };

struct SurveyConfig {
  SurveyKind kind = SurveyKind::kNps;
  FollowUpPolicy follow_up = FollowUpPolicy::kDetractors;
  double sample_rate = 1.0;
  int min_days_between = 30;
  int verbatim_retention_days = 365;
  std::string webhook_url;
  std::string webhook_secret;
  int webhook_max_attempts = 5;
  int webhook_queue_capacity = 1000;
};

// Reads the variables above through getenv (injected for tests); unset or empty variables keep
// the defaults. Fails with InvalidArgument naming the variable when a value is malformed.
Result<SurveyConfig> SurveyConfigFromEnvironment(
    const std::function<const char*(const char*)>& getenv);

}  // namespace chariot::feedback
