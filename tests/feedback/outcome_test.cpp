#include "feedback/outcome.h"

#include <catch2/catch.hpp>

using namespace chariot;
using namespace chariot::feedback;

namespace {

dialog::Session Session(nlohmann::json survey = nullptr) {
  dialog::Session s;
  s.id = "s";
  s.user_id = "u";
  s.channel = "twilio";
  s.locale = "fr-FR";
  s.started_at = 100;
  s.updated_at = 150;
  if (!survey.is_null()) s.data["survey"] = survey;
  return s;
}

}  // namespace

TEST_CASE("Outcome of a session never asked depends on how it ended", "[feedback][outcome]") {
  CHECK(BuildOutcome(Session(), "user_stopped", 200, SurveyKind::kNps).reason == "user_stopped");
  CHECK(BuildOutcome(Session(), "timeout", 200, SurveyKind::kNps).reason == "abandoned");
  CHECK(BuildOutcome(Session(), "timeout", 200, SurveyKind::kNps).ended_at == 150);
  CHECK(BuildOutcome(Session(), "platform_ended", 200, SurveyKind::kNps).reason == "abandoned");
  CHECK(BuildOutcome(Session(), "error", 200, SurveyKind::kNps).task_outcome == "failed");
  auto sampled =
      BuildOutcome(Session({{"not_asked", "sampling"}}), "completed", 200, SurveyKind::kNps);
  CHECK(sampled.outcome == "not_asked");
  CHECK(sampled.reason == "sampling");
  CHECK_FALSE(sampled.asked);
}

TEST_CASE("An emergency earlier in the session is never followed by the question",
          "[feedback][outcome]") {
  dialog::Session s = Session();
  s.data["support"] = {{"emergency", true}};
  CHECK(HadEmergency(s));
  CHECK(BuildOutcome(s, "user_stopped", 200, SurveyKind::kNps).reason == "emergency");
  dialog::Session visited = Session();
  visited.flows = {"support", "emergency"};
  CHECK(HadEmergency(visited));
  dialog::Session triaged = Session();
  triaged.data["support"] = {{"problem", "gas_smell"}, {"tier", "emergency"}};
  CHECK(HadEmergency(triaged));
  triaged.data["support"]["tier"] = "routine";
  CHECK_FALSE(HadEmergency(triaged));
  CHECK_FALSE(HadEmergency(Session()));
}

TEST_CASE("Outcome of an asked question", "[feedback][outcome]") {
  auto open = Session({{"status", "open"}, {"kind", "nps"}});
  CHECK(BuildOutcome(open, "platform_ended", 200, SurveyKind::kNps).outcome == "no_answer");
  CHECK(BuildOutcome(open, "user_stopped", 200, SurveyKind::kNps).outcome == "declined");
  auto which = Session({{"status", "which"}, {"low", 7}, {"high", 8}});
  CHECK(BuildOutcome(which, "timeout", 200, SurveyKind::kNps).outcome == "no_answer");
  auto answered = BuildOutcome(Session({{"status", "answered"}, {"score", 2}, {"kind", "csat"}}),
                               "completed", 200, SurveyKind::kNps);
  CHECK(answered.kind == "csat");
  CHECK(answered.detractor);
  auto corrupted = BuildOutcome(Session({{"status", "answered"}, {"score", "dix"}}), "completed",
                                200, SurveyKind::kNps);
  CHECK(corrupted.outcome == "not_understood");
  CHECK_FALSE(corrupted.score.has_value());
}
