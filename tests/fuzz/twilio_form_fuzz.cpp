// libFuzzer target: any bytes as a Twilio form body (the first line, if any, is the query
// string), decoded, signature-checked, parsed into a Turn and answered in TwiML.
// Build as alexa_fuzz.cpp says, with the target twilio_form_fuzz and tests/fuzz/corpus/twilio_form.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platforms/twilio/parse.h"
#include "platforms/twilio/render.h"
#include "platforms/twilio/verify.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view query;
  size_t newline = input.find('\n');
  if (newline != std::string_view::npos) {
    query = input.substr(0, newline);
    input = input.substr(newline + 1);
  }
  auto body = chariot::platforms::twilio::DecodeForm(input);
  auto params = chariot::platforms::twilio::DecodeForm(query);
  if (!body.ok() || !params.ok()) return 0;
  (void)chariot::platforms::twilio::VerifySignature("token", "https://example.fr/twilio/voice",
                                                    *body,
                                                    chariot::platforms::twilio::Param(*body, "X"));
  auto call = chariot::platforms::twilio::ParseVoiceRequest(*body, *params);
  if (!call.ok()) return 0;
  chariot::Reply reply;
  reply.session_id = call->turn.session_id;
  reply.speech = call->turn.text;
  reply.end_session = call->turn.text.size() % 2 == 0;
  (void)chariot::platforms::twilio::RenderTwiml(
      reply, {"https://example.fr/twilio/voice", call->turn.locale, "+33180000000", 3});
  return 0;
}
