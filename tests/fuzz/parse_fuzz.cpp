// libFuzzer target: any bytes through the parser and the JSON of `chariot parse`.
//
//   CXX=clang++ cmake -S . -B build-fuzz -DCHARIOT_FUZZ=ON \
//       -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined"
//   cmake --build build-fuzz --target parse_fuzz
//   ./build-fuzz/parse_fuzz tests/fuzz/corpus/parse -max_total_time=60
//
// The first byte picks the locale and the clock; the rest is the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "nlu/parser.h"
#include "nlu/understanding_json.h"

namespace {
const chariot::nlu::Parser& SharedParser() {
  static auto parser = [] {
    auto loaded = chariot::nlu::Parser::Load(std::string(CHARIOT_SOURCE_DIR) + "/intents");
    if (!loaded.ok()) std::abort();
    return std::move(loaded).value();
  }();
  return *parser;
}
}  // namespace

// Loading and training the parser takes seconds under the sanitizers: do it before the first
// input, so it does not count against libFuzzer's per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  SharedParser();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* locale = (data[0] & 1) ? "en-US" : "fr-FR";
  // Clocks around the 2026 daylight-saving changes and ordinary days.
  int64_t now = 1774744200 + static_cast<int64_t>(data[0]) * 86400 * 3;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  chariot::nlu::Understanding understanding = SharedParser().Parse(text, locale, now);
  if (understanding.intent.empty() || understanding.confidence < 0 || understanding.confidence > 1)
    std::abort();
  std::string dumped =
      chariot::nlu::UnderstandingToJson(text, understanding, nullptr, locale).dump();
  if (dumped.empty()) std::abort();
  return 0;
}
