// Alexa request envelope -> Turn.
//
// Request types (Alexa Skills Kit, "Request types reference"):
//   LaunchRequest        -> kLaunch
//   IntentRequest        -> kIntent: our custom intents carry the inventory's names; the
//                           built-ins AMAZON.YesIntent, NoIntent, HelpIntent, StopIntent,
//                           CancelIntent, RepeatIntent, NextIntent, FallbackIntent (and
//                           NavigateHomeIntent, required in every model) map to ours. Slot
//                           values prefer the entity-resolution id (our code) of an
//                           ER_SUCCESS_MATCH, else the value said.
//   SessionEndedRequest  -> kSessionEnded (reason USER_INITIATED -> "user_stopped",
//                           EXCEEDED_MAX_REPROMPTS -> "timeout", ERROR -> "error").
//   anything else        -> not for the engine (kind() == kIgnored): answered with an empty
//                           response.
// Unknown fields are ignored. Chariot's own session id travels in the session attributes.
//
// Thread safety: pure function (the AccountLinker is called, and is thread-safe).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/status.h"
#include "core/turn.h"
#include "platforms/account_linker.h"

namespace chariot::platforms::alexa {

inline constexpr const char* kSessionAttribute = "chariot_session_id";

struct AlexaRequest {
  bool ignored = false;      // a request type the engine does not handle
  std::string request_type;  // "LaunchRequest", ...
  Turn turn;
};

// The Turn for a verified envelope. InvalidArgument when request.type is absent. The user id is
// the linked customer when the access token maps to one (account_linked = true), else a
// pseudonym of Alexa's userId ("alexa-" and 20 hex digits of its SHA-256) with
// account_linked = false.
Result<AlexaRequest> ParseRequest(const nlohmann::json& envelope, const AccountLinker* linker);

}  // namespace chariot::platforms::alexa
