// Every sentence of intents/<locale>/tests/<Intent>.json parses to its intent with exactly its
// slots (the test files that sit beside the templates, as in home-assistant/intents).
#include <catch2/catch.hpp>
#include <sstream>

#include "nlu/intents.h"
#include "nlu/parser.h"

using namespace chariot::nlu;

namespace {
const std::string kIntentsDir = std::string(CHARIOT_SOURCE_DIR) + "/intents";

std::string Describe(const chariot::Slots& slots) {
  std::ostringstream out;
  for (const auto& [k, v] : slots) out << k << "=" << v << " ";
  return out.str();
}
}  // namespace

TEST_CASE("the test sentences beside the templates parse as expected", "[nlu][sentences]") {
  auto model = LoadIntentModel(kIntentsDir);
  REQUIRE(model.ok());
  auto parser = Parser::Load(kIntentsDir);
  REQUIRE(parser.ok());
  int failures = 0;
  int total = 0;
  std::ostringstream report;
  for (const auto& [locale, files] : model->by_locale) {
    for (const auto& [intent, sentences] : files.tests) {
      for (const TestSentence& sentence : sentences) {
        ++total;
        Understanding u = (*parser)->Parse(sentence.text, locale, sentence.now_seconds);
        bool ok = u.intent == sentence.intent && u.slots == sentence.slots;
        if (!ok) {
          ++failures;
          report << locale << " \"" << sentence.text << "\": expected " << sentence.intent << " "
                 << Describe(sentence.slots) << "got " << u.intent << " " << Describe(u.slots)
                 << "\n";
        }
      }
    }
  }
  CHECK(total > 0);
  INFO(report.str());
  CHECK(failures == 0);
}
