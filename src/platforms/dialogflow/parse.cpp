#include "platforms/dialogflow/parse.h"

#include "platforms/crypto.h"
#include "platforms/inventory.h"
#include "platforms/json_input.h"

namespace chariot::platforms::dialogflow {
namespace {

constexpr size_t kMaxTextBytes = 2000;

std::string UserId(const nlohmann::json& payload_owner, std::initializer_list<const char*> path,
                   const std::string& session_path) {
  std::string id = GetString(payload_owner, path);
  if (!id.empty() && id.size() <= 128) return id;
  return "df-" + Sha256Hex(session_path).substr(0, 20);
}

void ReadParameters(const nlohmann::json* parameters, Slots& slots) {
  if (parameters == nullptr || !parameters->is_object()) return;
  for (const auto& [name, value] : parameters->items()) {
    if (!IsInventorySlot(name) || slots.count(name)) continue;
    if (auto normalized = NormalizeSlotValue(name, value)) slots[name] = *normalized;
  }
}

std::string Clip(std::string text) {
  if (text.size() > kMaxTextBytes) text.resize(kMaxTextBytes);
  return text;
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Result<DialogflowRequest> ParseEsRequest(const nlohmann::json& body) {
  DialogflowRequest out;
  out.session_path = GetString(body, {"session"});
  const nlohmann::json* result = Find(body, {"queryResult"});
  if (out.session_path.empty() || result == nullptr || !result->is_object()) {
    return Status::InvalidArgument("This is not a Dialogflow ES webhook request.");
  }
  if (out.session_path.size() > 512)
    return Status::InvalidArgument("The session name is too long.");
  Turn& turn = out.turn;
  turn.channel = "dialogflow";
  turn.locale = NormalizeLocale(GetString(*result, {"languageCode"}));
  turn.user_id =
      UserId(body, {"originalDetectIntentRequest", "payload", "chariot_user_id"}, out.session_path);
  turn.text = Clip(GetString(*result, {"queryText"}));
  const nlohmann::json* confidence = Find(*result, {"intentDetectionConfidence"});
  if (confidence != nullptr && confidence->is_number()) {
    turn.confidence = std::clamp(confidence->get<double>(), 0.0, 1.0);
  }

  const nlohmann::json* contexts = Find(*result, {"outputContexts"});
  if (contexts != nullptr && contexts->is_array()) {
    for (const nlohmann::json& context : *contexts) {
      if (!EndsWith(GetString(context, {"name"}), std::string("/contexts/") + kSessionContext)) {
        continue;
      }
      std::string id = GetString(context, {"parameters", kSessionParameter});
      if (id.size() <= 128) turn.session_id = id;
    }
  }

  std::string intent = GetString(*result, {"intent", "displayName"});
  std::string action = GetString(*result, {"action"});
  if (intent == "Default Welcome Intent" || action == "input.welcome" ||
      turn.text == "GOOGLE_ASSISTANT_WELCOME") {
    turn.kind = TurnKind::kLaunch;
  } else if (IsInventoryIntent(intent) && intent != "Fallback") {
    turn.kind = TurnKind::kIntent;
    turn.intent = intent;
    ReadParameters(Find(*result, {"parameters"}), turn.slots);
  } else {
    turn.kind = TurnKind::kText;
  }
  return out;
}

Result<DialogflowRequest> ParseCxRequest(const nlohmann::json& body) {
  DialogflowRequest out;
  out.session_path = GetString(body, {"sessionInfo", "session"});
  if (out.session_path.empty() || Find(body, {"fulfillmentInfo"}) == nullptr) {
    return Status::InvalidArgument("This is not a Dialogflow CX webhook request.");
  }
  if (out.session_path.size() > 512)
    return Status::InvalidArgument("The session name is too long.");
  Turn& turn = out.turn;
  turn.channel = "dialogflow";
  turn.locale = NormalizeLocale(GetString(body, {"languageCode"}));
  turn.user_id = UserId(body, {"payload", "chariot_user_id"}, out.session_path);
  turn.text = GetString(body, {"text"});
  if (turn.text.empty()) turn.text = GetString(body, {"transcript"});
  turn.text = Clip(turn.text);
  std::string id = GetString(body, {"sessionInfo", "parameters", kSessionParameter});
  if (id.size() <= 128) turn.session_id = id;
  const nlohmann::json* confidence = Find(body, {"intentInfo", "confidence"});
  if (confidence != nullptr && confidence->is_number()) {
    turn.confidence = std::clamp(confidence->get<double>(), 0.0, 1.0);
  }

  std::string tag = GetString(body, {"fulfillmentInfo", "tag"});
  if (tag == "Welcome" || tag == "StartSession") {
    turn.kind = TurnKind::kLaunch;
  } else if (IsInventoryIntent(tag) && tag != "Fallback") {
    turn.kind = TurnKind::kIntent;
    turn.intent = tag;
    const nlohmann::json* intent_parameters = Find(body, {"intentInfo", "parameters"});
    if (intent_parameters != nullptr && intent_parameters->is_object()) {
      for (const auto& [name, parameter] : intent_parameters->items()) {
        if (!IsInventorySlot(name) || !parameter.is_object()) continue;
        const nlohmann::json* resolved = Find(parameter, {"resolvedValue"});
        if (resolved == nullptr) continue;
        if (auto value = NormalizeSlotValue(name, *resolved)) turn.slots[name] = *value;
      }
    }
    ReadParameters(Find(body, {"sessionInfo", "parameters"}), turn.slots);
  } else {
    turn.kind = TurnKind::kText;
  }
  const nlohmann::json* session_parameters = Find(body, {"sessionInfo", "parameters"});
  if (session_parameters != nullptr && session_parameters->is_object()) {
    for (const auto& [name, value] : session_parameters->items()) {
      if (IsInventorySlot(name)) out.slot_parameters.push_back(name);
    }
  }
  return out;
}

}  // namespace chariot::platforms::dialogflow
