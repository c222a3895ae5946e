// Session: what the dialog remembers between the turns of one conversation.
//
// Persisted by the engine after every turn (SessionStore) and expired after its time-to-live.
// Flow-specific memory lives in `data` under a key named after the flow ("shopping", ...).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace chariot::dialog {

struct Session {
  std::string id;
  std::string user_id;
  std::string channel;
  std::string locale;
  std::string state;            // dialog state, "" at the top level, e.g. "shopping.which"
  nlohmann::json data = nlohmann::json::object();  // per-flow memory
  std::vector<std::string> flows;  // flows visited, first visit order, no repeats
  int turns = 0;
  int not_understood_turns = 0;  // over the whole session
  int misunderstood_in_a_row = 0;  // drives the reprompt escalation
  std::string task_outcome;     // "", "completed", "abandoned", "failed"
  std::string last_speech;      // for Repeat
  std::string last_ssml;
  std::string last_reprompt_speech;
  std::string last_reprompt_ssml;
  int64_t started_at = 0;       // Unix seconds
  int64_t updated_at = 0;
  bool ended = false;

  void Visit(const std::string& flow);
  nlohmann::json ToJson() const;
  static Session FromJson(const nlohmann::json& j);
};

}  // namespace chariot::dialog
