#include "feedback/outcome.h"

#include <algorithm>

namespace chariot::feedback {
namespace {

std::string TaskOutcome(const dialog::Session& session, const std::string& reason) {
  if (!session.task_outcome.empty()) return session.task_outcome;
  if (reason == "completed" || reason == "emergency") return "completed";
  if (reason == "error") return "failed";
  return "abandoned";
}

std::string NotAskedReason(const dialog::Session& session, const std::string& reason) {
  if (HadEmergency(session) || reason == "emergency") return "emergency";
  if (reason == "user_stopped" || reason == "error") return reason;
  if (reason == "timeout" || reason == "platform_ended") return "abandoned";
  if (reason == "completed") return "not_offered";  // ended without the end-of-session stage
  return reason.empty() ? std::string("abandoned") : reason;
}

}  // namespace

bool HadEmergency(const dialog::Session& session) {
  if (std::find(session.flows.begin(), session.flows.end(), "emergency") != session.flows.end()) {
    return true;
  }
  const auto& data = session.data;
  if (data.is_object() && data.contains("support") && data["support"].is_object()) {
    const auto& support = data["support"];
    auto it = support.find("emergency");
    if (it != support.end() && it->is_boolean() && it->get<bool>()) return true;
    // The support flow's triage remembers the tier of the problem reported.
    auto tier = support.find("tier");
    if (tier != support.end() && tier->is_string() && tier->get<std::string>() == "emergency") {
      return true;
    }
  }
  return false;
}

store::SurveyOutcome BuildOutcome(const dialog::Session& session, const std::string& reason,
                                  int64_t now, SurveyKind kind) {
  store::SurveyOutcome o;
  o.session_id = session.id;
  o.user_id = session.user_id;
  o.channel = session.channel;
  o.locale = session.locale;
  o.flows = session.flows;
  o.task_outcome = TaskOutcome(session, reason);
  o.turns = session.turns;
  o.not_understood_turns = session.not_understood_turns;
  o.started_at = session.started_at;
  // A session swept after its time-to-live ended when the customer last spoke, not at the sweep.
  o.ended_at = (reason == "timeout" && session.updated_at > 0) ? session.updated_at : now;
  if (o.started_at == 0 || o.started_at > o.ended_at) o.started_at = o.ended_at;
  o.kind = SurveyKindName(kind);

  const nlohmann::json empty = nlohmann::json::object();
  const nlohmann::json& survey = (session.data.is_object() && session.data.contains("survey") &&
                                  session.data["survey"].is_object())
                                     ? session.data["survey"]
                                     : empty;
  auto text = [&](const char* key) {
    auto it = survey.find(key);
    return (it != survey.end() && it->is_string()) ? it->get<std::string>() : std::string();
  };
  if (std::string k = text("kind"); !k.empty()) {
    if (auto parsed = ParseSurveyKind(k)) kind = *parsed;
    o.kind = SurveyKindName(kind);
  }
  const std::string status = text("status");
  if (status.empty()) {
    o.outcome = "not_asked";
    std::string decided = text("not_asked");
    o.reason = decided.empty() ? NotAskedReason(session, reason) : decided;
    return o;
  }
  o.asked = true;
  if (status == "answered") {
    auto it = survey.find("score");
    if (it != survey.end() && it->is_number_integer()) {
      o.outcome = "answered";
      o.score = it->get<int>();
      o.verbatim = text("verbatim");
      o.detractor = IsDetractor(kind, *o.score);
      return o;
    }
    o.outcome = "not_understood";  // a corrupted memory is not a score
    return o;
  }
  if (status == "declined") {
    o.outcome = "declined";
    return o;
  }
  if (status == "not_understood") {
    o.outcome = "not_understood";
    o.verbatim = text("said");
    return o;
  }
  // Still waiting for the answer ("open", "which").
  if (reason == "user_stopped") {
    o.outcome = "declined";
  } else if (reason == "not_understood") {  // the engine gave up after misunderstandings
    o.outcome = "not_understood";
    o.verbatim = text("said");
  } else {
    o.outcome = "no_answer";
    o.reason = reason;
  }
  return o;
}

}  // namespace chariot::feedback
