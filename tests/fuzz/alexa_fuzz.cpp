// libFuzzer target: any bytes as an Alexa request, through everything that runs once the
// signature is accepted (JSON limits, envelope parsing, the Reply renderer), and as a
// SignatureCertChainUrl.
//
//   CXX=clang++ cmake -S . -B build-fuzz -DCHARIOT_FUZZ=ON \
//       -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined"
//   cmake --build build-fuzz --target alexa_fuzz
//   ./build-fuzz/alexa_fuzz tests/fuzz/corpus/alexa -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platforms/alexa/cert_url.h"
#include "platforms/alexa/parse.h"
#include "platforms/alexa/render.h"
#include "platforms/alexa/verify.h"
#include "platforms/json_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)chariot::platforms::alexa::CheckCertUrl(input);
  auto envelope = chariot::platforms::ParseJsonObject(input);
  if (!envelope.ok()) return 0;
  (void)chariot::platforms::alexa::ParseAlexaTimestamp(*envelope);
  (void)chariot::platforms::alexa::ApplicationId(*envelope);
  auto request = chariot::platforms::alexa::ParseRequest(*envelope, nullptr);
  if (!request.ok()) return 0;
  chariot::Reply reply;
  reply.session_id = request->turn.session_id;
  reply.speech = request->turn.text;
  for (const auto& [name, value] : request->turn.slots) reply.card_text += value;
  (void)chariot::platforms::alexa::RenderResponse(reply).dump();
  return 0;
}
