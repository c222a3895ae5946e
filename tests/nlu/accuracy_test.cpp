// The measured targets of the understanding on the evaluation sets (tests/nlu/eval/): at least
// 95% of intents right and 90% of utterances with every slot right, per locale. The same
// numbers are printed by `chariot eval-nlu`.
#include <catch2/catch.hpp>

#include "nlu/evaluation.h"
#include "nlu/shared_parser.h"

using namespace chariot::nlu;

TEST_CASE("evaluation sets: intent and slot accuracy meet the targets", "[nlu][accuracy]") {
  for (const char* locale : {"fr-FR", "en-US"}) {
    auto set =
        LoadEvaluationSet(std::string(CHARIOT_SOURCE_DIR) + "/tests/nlu/eval/" + locale + ".json");
    REQUIRE(set.ok());
    CHECK(set->utterances.size() >= 100);
    EvaluationReport report = Evaluate(testing::SharedParser(), *set);
    INFO(report.Format());
    CHECK(report.IntentAccuracy() >= 0.95);
    CHECK(report.SlotAccuracy() >= 0.90);
  }
}
