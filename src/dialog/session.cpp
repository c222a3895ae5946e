#include "dialog/session.h"

#include <algorithm>

namespace chariot::dialog {

void Session::Visit(const std::string& flow) {
  if (std::find(flows.begin(), flows.end(), flow) == flows.end()) flows.push_back(flow);
}

nlohmann::json Session::ToJson() const {
  return {{"id", id},
          {"user_id", user_id},
          {"channel", channel},
          {"locale", locale},
          {"state", state},
          {"data", data},
          {"flows", flows},
          {"turns", turns},
          {"not_understood_turns", not_understood_turns},
          {"misunderstood_in_a_row", misunderstood_in_a_row},
          {"task_outcome", task_outcome},
          {"last_speech", last_speech},
          {"last_ssml", last_ssml},
          {"last_reprompt_speech", last_reprompt_speech},
          {"last_reprompt_ssml", last_reprompt_ssml},
          {"started_at", started_at},
          {"updated_at", updated_at},
          {"ended", ended}};
}

Session Session::FromJson(const nlohmann::json& j) {
  Session s;
  s.id = j.value("id", "");
  s.user_id = j.value("user_id", "");
  s.channel = j.value("channel", "");
  s.locale = j.value("locale", "");
  s.state = j.value("state", "");
  if (j.contains("data") && j["data"].is_object()) s.data = j["data"];
  s.flows = j.value("flows", std::vector<std::string>{});
  s.turns = j.value("turns", 0);
  s.not_understood_turns = j.value("not_understood_turns", 0);
  s.misunderstood_in_a_row = j.value("misunderstood_in_a_row", 0);
  s.task_outcome = j.value("task_outcome", "");
  s.last_speech = j.value("last_speech", "");
  s.last_ssml = j.value("last_ssml", "");
  s.last_reprompt_speech = j.value("last_reprompt_speech", "");
  s.last_reprompt_ssml = j.value("last_reprompt_ssml", "");
  s.started_at = j.value("started_at", int64_t{0});
  s.updated_at = j.value("updated_at", int64_t{0});
  s.ended = j.value("ended", false);
  return s;
}

}  // namespace chariot::dialog
