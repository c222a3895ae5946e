// TwiML for a Reply: what the phone line says and does next.
//
// A Reply that expects an answer becomes <Gather input="speech" language=...> around <Say>,
// whose action posts the answer back to the public URL with the session in the query string
// (actionOnEmptyResult, so silence also comes back and the dialog can reprompt). A Reply that
// ends the session says its words and hangs up; a hand-off to a person says them and dials the
// support number. Every text is escaped for XML.
//
// Thread safety: pure function.
#pragma once

#include <string>

#include "core/reply.h"

namespace chariot::platforms::twilio {

struct TwimlOptions {
  std::string action_url;     // CHARIOT_TWILIO_PUBLIC_URL
  std::string locale;         // "fr-FR" or "en-US", for <Gather language> and <Say language>
  std::string support_phone;  // where a hand-off dials when the Reply names no number
  int speech_timeout_seconds = 3;
};

std::string RenderTwiml(const Reply& reply, const TwimlOptions& options);

// XML text and attribute escaping (& < > " ').
std::string EscapeXml(std::string_view text);

}  // namespace chariot::platforms::twilio
