// Reply -> Alexa response envelope.
//
// {"version":"1.0","sessionAttributes":{...},"response":{"outputSpeech":{"type":"SSML",...},
//  "reprompt":{...},"card":{...},"shouldEndSession":...}} within Alexa's limits ("Response
// format", Alexa Skills Kit): at most 8000 characters of speech in outputSpeech and in reprompt,
// 8000 characters of card title and content together, and 24 KB for the whole response. Speech
// over the limit is cut at a sentence boundary from the plain text and escaped again (cutting
// SSML itself could break its markup). A LinkAccount hand-off sends the LinkAccount card.
// SessionEndedRequest is answered with EmptyResponse(): Alexa accepts no speech then.
//
// Thread safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "core/reply.h"

namespace chariot::platforms::alexa {

inline constexpr size_t kMaxSpeechCharacters = 8000;
inline constexpr size_t kMaxCardCharacters = 8000;
inline constexpr size_t kMaxResponseBytes = 24 * 1000;

nlohmann::json RenderResponse(const Reply& reply);
nlohmann::json EmptyResponse();

}  // namespace chariot::platforms::alexa
