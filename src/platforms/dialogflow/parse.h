// Dialogflow webhook requests (ES v2 and CX v3) -> Turn.
//
// ES (WebhookRequest): `session` ("projects/P/agent/sessions/S"), queryResult.queryText,
// .languageCode, .intent.displayName, .parameters, .outputContexts, .intentDetectionConfidence.
// An intent named as the inventory ("AddItem"; chariot export names them so) becomes a kIntent
// with its parameters as slots; "Default Welcome Intent" (or the WELCOME event) a kLaunch; any
// other intent, the default fallback included, a kText read by Chariot's own understanding.
// Chariot's session id rides in the output context "chariot-session".
//
// CX (WebhookRequest): fulfillmentInfo.tag names the inventory intent ("Welcome" for the
// start, anything else lets Chariot read `text`/`transcript`); this turn's values come from
// intentInfo.parameters[*].resolvedValue, then sessionInfo.parameters; Chariot's session id is
// the session parameter chariot_session_id.
//
// The customer: originalDetectIntentRequest.payload.chariot_user_id (ES) or
// payload.chariot_user_id (CX), set by the retailer's own integration that calls Dialogflow for
// a logged-in customer; else a pseudonym of the Dialogflow session ("df-" and 20 hex digits).
// Unknown fields are ignored.
//
// Thread safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/turn.h"

namespace chariot::platforms::dialogflow {

inline constexpr const char* kSessionContext = "chariot-session";
inline constexpr const char* kSessionParameter = "chariot_session_id";
inline constexpr const char* kEndParameter = "chariot_end_session";

struct DialogflowRequest {
  Turn turn;
  std::string session_path;  // ES: "projects/P/agent/sessions/S"; CX: sessionInfo.session
  std::vector<std::string> slot_parameters;  // CX: parameters to clear after this turn
};

// InvalidArgument when the body is not a webhook request of that edition.
Result<DialogflowRequest> ParseEsRequest(const nlohmann::json& body);
Result<DialogflowRequest> ParseCxRequest(const nlohmann::json& body);

}  // namespace chariot::platforms::dialogflow
