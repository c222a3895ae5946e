#include "feedback/sampling.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "feedback/survey_config.h"

using namespace chariot::feedback;

TEST_CASE("Sampling never asks after an emergency", "[feedback][sampling]") {
  SurveyConfig config;
  CHECK(DecideSampling(config, {"s1", true, std::nullopt, 0}) == SamplingVerdict::kEmergency);
  CHECK(std::string(NotAskedReason(SamplingVerdict::kEmergency)) == "emergency");
}

TEST_CASE("Sampling asks a customer at most once per N days", "[feedback][sampling]") {
  SurveyConfig config;
  config.min_days_between = 30;
  const int64_t now = 1'800'000'000;
  CHECK(DecideSampling(config, {"s", false, now - 29 * 86400, now}) ==
        SamplingVerdict::kAskedRecently);
  CHECK(DecideSampling(config, {"s", false, now - 30 * 86400, now}) == SamplingVerdict::kAsk);
  CHECK(DecideSampling(config, {"s", false, std::nullopt, now}) == SamplingVerdict::kAsk);
  config.min_days_between = 0;
  CHECK(DecideSampling(config, {"s", false, now, now}) == SamplingVerdict::kAsk);
}

TEST_CASE("Sampling keeps about the configured share, the same for a session every time",
          "[feedback][sampling]") {
  SurveyConfig config;
  config.sample_rate = 0.25;
  int asked = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string id = "session-" + std::to_string(i);
    auto verdict = DecideSampling(config, {id, false, std::nullopt, 0});
    CHECK(verdict == DecideSampling(config, {id, false, std::nullopt, 0}));
    if (verdict == SamplingVerdict::kAsk) ++asked;
  }
  CHECK(asked > 800);
  CHECK(asked < 1200);
  config.sample_rate = 0;
  CHECK(DecideSampling(config, {"x", false, std::nullopt, 0}) == SamplingVerdict::kNotSampled);
}

TEST_CASE("Survey configuration reads the environment and refuses bad values",
          "[feedback][config]") {
  std::map<std::string, std::string> env = {{"CHARIOT_SURVEY_KIND", "csat"},
                                            {"CHARIOT_SURVEY_SAMPLE_RATE", "0.5"},
                                            {"CHARIOT_SURVEY_MIN_DAYS", "7"},
                                            {"CHARIOT_SURVEY_FOLLOWUP", "always"},
                                            {"CHARIOT_VERBATIM_RETENTION_DAYS", "90"},
                                            {"CHARIOT_ALERT_WEBHOOK_URL", "http://127.0.0.1:9/x"}};
  auto getenv = [&](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  auto config = SurveyConfigFromEnvironment(getenv);
  REQUIRE(config.ok());
  CHECK(config->kind == SurveyKind::kCsat);
  CHECK(config->sample_rate == 0.5);
  CHECK(config->min_days_between == 7);
  CHECK(config->follow_up == FollowUpPolicy::kAlways);
  CHECK(config->verbatim_retention_days == 90);
  env["CHARIOT_SURVEY_SAMPLE_RATE"] = "1.5";
  CHECK(SurveyConfigFromEnvironment(getenv).status().code() ==
        chariot::StatusCode::kInvalidArgument);
  env["CHARIOT_SURVEY_SAMPLE_RATE"] = "1";
  env["CHARIOT_SURVEY_KIND"] = "stars";
  CHECK_FALSE(SurveyConfigFromEnvironment(getenv).ok());
  env["CHARIOT_SURVEY_KIND"] = "";
  env["CHARIOT_ALERT_WEBHOOK_URL"] = "file:///etc/passwd";
  CHECK_FALSE(SurveyConfigFromEnvironment(getenv).ok());
}
