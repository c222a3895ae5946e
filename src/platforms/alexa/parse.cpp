#include "platforms/alexa/parse.h"

#include <map>

#include "platforms/crypto.h"
#include "platforms/inventory.h"
#include "platforms/json_input.h"

namespace chariot::platforms::alexa {
namespace {

const std::map<std::string, std::string>& BuiltInIntents() {
  static const std::map<std::string, std::string> intents = {
      {"AMAZON.YesIntent", "Yes"},
      {"AMAZON.NoIntent", "No"},
      {"AMAZON.HelpIntent", "Help"},
      {"AMAZON.StopIntent", "Stop"},
      {"AMAZON.CancelIntent", "Cancel"},
      {"AMAZON.RepeatIntent", "Repeat"},
      {"AMAZON.NextIntent", "Next"},
      {"AMAZON.FallbackIntent", "Fallback"},
      {"AMAZON.NavigateHomeIntent", "Cancel"},
  };
  return intents;
}

std::string EndReason(const std::string& reason) {
  if (reason == "USER_INITIATED") return "user_stopped";
  // The customer stayed silent through the reprompts: for the survey record, a time-out.
  if (reason == "EXCEEDED_MAX_REPROMPTS") return "timeout";
  if (reason == "ERROR") return "error";
  return "platform_ended";
}

// The entity-resolution id of the first authority that matched, if any.
std::optional<std::string> ResolvedId(const nlohmann::json& slot) {
  const nlohmann::json* authorities = Find(slot, {"resolutions", "resolutionsPerAuthority"});
  if (authorities == nullptr || !authorities->is_array()) return std::nullopt;
  for (const nlohmann::json& authority : *authorities) {
    if (GetString(authority, {"status", "code"}) != "ER_SUCCESS_MATCH") continue;
    const nlohmann::json* values = Find(authority, {"values"});
    if (values == nullptr || !values->is_array() || values->empty()) continue;
    std::string id = GetString((*values)[0], {"value", "id"});
    if (!id.empty()) return id;
    std::string name = GetString((*values)[0], {"value", "name"});
    if (!name.empty()) return name;
  }
  return std::nullopt;
}

void ReadSlots(const nlohmann::json& intent, Slots& slots) {
  const nlohmann::json* raw = Find(intent, {"slots"});
  if (raw == nullptr || !raw->is_object()) return;
  for (const auto& [name, slot] : raw->items()) {
    if (!slot.is_object() || !IsInventorySlot(name)) continue;
    std::string said = GetString(slot, {"value"});
    if (name == "time") {
      if (auto part = PartOfDayFromAlexaTime(said)) {
        slots["part_of_day"] = *part;
        continue;
      }
    }
    std::optional<std::string> resolved = ResolvedId(slot);
    // Products keep the words said; the catalog resolves them. Code slots take the id.
    std::optional<std::string> value;
    if (resolved && name != "product") value = NormalizeSlotValue(name, *resolved);
    if (!value && !said.empty()) value = NormalizeSlotValue(name, said);
    if (value) slots[name] = *value;
  }
}

}  // namespace

Result<AlexaRequest> ParseRequest(const nlohmann::json& envelope, const AccountLinker* linker) {
  AlexaRequest out;
  out.request_type = GetString(envelope, {"request", "type"});
  if (out.request_type.empty()) return Status::InvalidArgument("The Alexa request has no type.");

  Turn& turn = out.turn;
  turn.channel = "alexa";
  turn.locale = NormalizeLocale(GetString(envelope, {"request", "locale"}));

  std::string alexa_user = GetString(envelope, {"context", "System", "user", "userId"});
  if (alexa_user.empty()) alexa_user = GetString(envelope, {"session", "user", "userId"});
  std::string token = GetString(envelope, {"context", "System", "user", "accessToken"});
  if (token.empty()) token = GetString(envelope, {"session", "user", "accessToken"});
  std::optional<std::string> customer;
  if (!token.empty() && linker != nullptr) customer = linker->CustomerForToken("alexa", token);
  if (customer) {
    turn.user_id = *customer;
    turn.account_linked = true;
  } else {
    turn.user_id = "alexa-" + Sha256Hex(alexa_user).substr(0, 20);
    turn.account_linked = false;
  }

  if (!GetBool(envelope, {"session", "new"}, false)) {
    turn.session_id = GetString(envelope, {"session", "attributes", kSessionAttribute});
    if (turn.session_id.size() > 128) turn.session_id.clear();
  }

  if (out.request_type == "LaunchRequest") {
    turn.kind = TurnKind::kLaunch;
  } else if (out.request_type == "SessionEndedRequest") {
    turn.kind = TurnKind::kSessionEnded;
    turn.end_reason = EndReason(GetString(envelope, {"request", "reason"}));
  } else if (out.request_type == "IntentRequest") {
    turn.kind = TurnKind::kIntent;
    std::string name = GetString(envelope, {"request", "intent", "name"});
    auto builtin = BuiltInIntents().find(name);
    if (builtin != BuiltInIntents().end()) {
      turn.intent = builtin->second;
    } else if (IsInventoryIntent(name)) {
      turn.intent = name;
    } else {
      turn.intent = "Fallback";
    }
    const nlohmann::json* intent = Find(envelope, {"request", "intent"});
    if (intent != nullptr) ReadSlots(*intent, turn.slots);
    // Alexa sends no transcript; what the slots heard is the closest to "what was said".
    for (const char* slot : {"product", "score"}) {
      auto it = turn.slots.find(slot);
      if (it != turn.slots.end()) turn.text = it->second;
    }
  } else {
    out.ignored = true;
  }
  return out;
}

}  // namespace chariot::platforms::alexa
