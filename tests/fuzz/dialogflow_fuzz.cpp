// libFuzzer target: any bytes as a Dialogflow ES and CX webhook request, parsed and answered.
// Build as alexa_fuzz.cpp says, with the target dialogflow_fuzz and tests/fuzz/corpus/dialogflow.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platforms/dialogflow/parse.h"
#include "platforms/dialogflow/render.h"
#include "platforms/json_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto body = chariot::platforms::ParseJsonObject(input);
  if (!body.ok()) return 0;
  chariot::Reply reply;
  reply.speech = "ok";
  reply.ssml = "<speak>ok</speak>";
  reply.handoff = chariot::Handoff::kHuman;
  if (auto es = chariot::platforms::dialogflow::ParseEsRequest(*body); es.ok()) {
    reply.session_id = es->turn.session_id;
    (void)chariot::platforms::dialogflow::RenderEsResponse(reply, *es, "+33180000000").dump();
  }
  if (auto cx = chariot::platforms::dialogflow::ParseCxRequest(*body); cx.ok()) {
    reply.session_id = cx->turn.session_id;
    (void)chariot::platforms::dialogflow::RenderCxResponse(reply, *cx, "").dump();
  }
  return 0;
}
