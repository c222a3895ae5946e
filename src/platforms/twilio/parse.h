// Twilio voice webhook: the form-encoded body and query decoded, then turned into a Turn.
//
// Twilio POSTs application/x-www-form-urlencoded parameters (CallSid, AccountSid, From, To,
// CallStatus, and after a <Gather input="speech">: SpeechResult, Confidence). Chariot's own
// TwiML points <Gather action> back at /twilio/voice with `session` and `locale` in the query
// string, which Twilio signs with the rest; that is how a call finds its session again.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "core/turn.h"
#include "platforms/twilio/verify.h"

namespace chariot::platforms::twilio {

struct FormLimits {
  size_t max_bytes = 64 * 1024;
  size_t max_params = 128;
};

// Decodes name=value&... ("+" is a space, %XX a byte). InvalidArgument on a malformed escape,
// TooLarge over a limit. Empty input gives no parameters.
Result<FormParams> DecodeForm(std::string_view body, FormLimits limits = {});

// The first value of name, or "" when absent.
std::string Param(const FormParams& params, std::string_view name);

struct VoiceRequest {
  Turn turn;
  std::string call_sid;
};

// The Turn for one webhook call: the first request of a call (no session yet) is a kLaunch;
// later ones carry what the caller said as kText (empty when the caller said nothing).
// InvalidArgument when CallSid is missing or malformed. The user id is a pseudonym of the
// caller's number ("tel-" and 20 hex digits of its SHA-256), never the number itself.
Result<VoiceRequest> ParseVoiceRequest(const FormParams& body, const FormParams& query);

}  // namespace chariot::platforms::twilio
