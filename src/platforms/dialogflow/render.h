// Reply -> Dialogflow webhook responses.
//
// ES (WebhookResponse): fulfillmentText, fulfillmentMessages (text, and for the phone gateway
// TELEPHONY synthesize-speech SSML and transfer-call to a person), and the output context
// "chariot-session" carrying Chariot's session id (lifespan 0 once the session ends).
// CX (WebhookResponse): fulfillmentResponse.messages (text, outputAudioText.ssml,
// liveAgentHandoff / telephonyTransferCall for a person) with mergeBehavior REPLACE, and
// sessionInfo.parameters: chariot_session_id, chariot_end_session (the agent's route ends the
// session on it), and null for each slot parameter read this turn, so the next turn starts clean.
//
// Thread safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/reply.h"
#include "platforms/dialogflow/parse.h"

namespace chariot::platforms::dialogflow {

// support_phone: the number a hand-off to a person dials when the Reply names none.
nlohmann::json RenderEsResponse(const Reply& reply, const DialogflowRequest& request,
                                const std::string& support_phone);
nlohmann::json RenderCxResponse(const Reply& reply, const DialogflowRequest& request,
                                const std::string& support_phone);

}  // namespace chariot::platforms::dialogflow
