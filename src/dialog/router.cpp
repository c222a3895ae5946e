#include "dialog/router.h"

#include <set>
#include <stdexcept>

namespace chariot::dialog {
namespace {

// Intents honoured in every state: a state that reads every answer itself (state, "*") must not
// swallow "stop", "aide" or a gas smell. An exact (state, intent) handler still wins.
bool IsPriorityIntent(const std::string& intent) {
  static const std::set<std::string> kPriority = {"Stop",   "Cancel",        "Help",
                                                  "Repeat", "ReportProblem", "TalkToHuman"};
  return kPriority.count(intent) > 0;
}

}  // namespace

void Router::On(const std::string& state, const std::string& intent, Handler handler) {
  if (!table_.emplace(std::make_pair(state, intent), std::move(handler)).second) {
    throw std::logic_error("two handlers for state '" + state + "' and intent '" + intent + "'");
  }
}

bool Router::Has(const std::string& state, const std::string& intent) const {
  return table_.count({state, intent}) > 0;
}

const Handler& Router::Find(const std::string& state, const std::string& intent) const {
  auto exact = table_.find({state, intent});
  if (exact != table_.end()) return exact->second;
  if (!IsPriorityIntent(intent)) {
    auto any_intent = table_.find({state, kAnyIntent});
    if (any_intent != table_.end()) return any_intent->second;
  }
  auto any_state = table_.find({kAnyState, intent});
  if (any_state != table_.end()) return any_state->second;
  return fallback_;
}

}  // namespace chariot::dialog
