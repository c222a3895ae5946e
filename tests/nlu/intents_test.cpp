#include "nlu/intents.h"

#include <catch2/catch.hpp>

#include "nlu/template.h"

using namespace chariot::nlu;

namespace {
const std::string kIntentsDir = std::string(CHARIOT_SOURCE_DIR) + "/intents";
}

TEST_CASE("templates parse alternatives, options, slots and rules", "[nlu][templates]") {
  RuleLookup rules = {{"det", "(du|de la)"}};
  auto parsed = ParseTemplate("(ajoute|mets) [moi] <det> {product}", {&rules});
  REQUIRE(parsed.ok());
  CHECK(CountExpansions(*parsed, 1000) == 8);
  CHECK(TemplateSlots(*parsed) == std::vector<std::string>{"product"});
  auto all = ExpandTemplate(*parsed, 100, 1);
  CHECK(all.size() == 8);
  CHECK(std::find(all.begin(), all.end(), "mets moi de la {product}") != all.end());
}

TEST_CASE("template errors are reported, never thrown", "[nlu][templates]") {
  RuleLookup rules = {{"loop", "a <loop>"}};
  CHECK_FALSE(ParseTemplate("(a|b", {&rules}).ok());
  CHECK_FALSE(ParseTemplate("a]", {&rules}).ok());
  CHECK_FALSE(ParseTemplate("<unknown>", {&rules}).ok());
  CHECK_FALSE(ParseTemplate("<loop>", {&rules}).ok());
  CHECK_FALSE(ParseTemplate("{slot", {&rules}).ok());
}

TEST_CASE("elisions join without a space when expanded", "[nlu][templates]") {
  auto parsed = ParseTemplate("fuite d' eau", {});
  REQUIRE(parsed.ok());
  CHECK(ExpandTemplate(*parsed, 5, 1) == std::vector<std::string>{"fuite d'eau"});
}

TEST_CASE("large templates are sampled within the bound, deterministically", "[nlu][templates]") {
  auto parsed = ParseTemplate("(a|b|c|d) (e|f|g|h) (i|j|k|l) (m|n|o|p) [q|r]", {});
  REQUIRE(parsed.ok());
  auto first = ExpandTemplate(*parsed, 50, 7);
  CHECK(first.size() == 50);
  CHECK(first == ExpandTemplate(*parsed, 50, 7));
}

TEST_CASE("the intents folder loads with every locale", "[nlu][intents]") {
  auto model = LoadIntentModel(kIntentsDir);
  REQUIRE(model.ok());
  CHECK(model->locales == std::vector<std::string>{"fr-FR", "en-US"});
  REQUIRE(model->FindIntent("AddItem") != nullptr);
  CHECK(model->FindIntent("AddItem")->FindSlot("unit")->type == "Unit");
  const LocaleModel* fr = model->FindLocale("fr-FR");
  REQUIRE(fr != nullptr);
  bool found = false;
  for (const SlotValue& v : fr->values.at("Problem"))
    if (v.id == "gas_smell")
      found = std::find(v.synonyms.begin(), v.synonyms.end(), "ça sent le gaz") != v.synonyms.end();
  CHECK(found);
  auto samples = ExpandIntent(*model, "fr-FR", "AddItem", 40);
  CHECK(samples.size() == 40);
  CHECK(std::any_of(samples.begin(), samples.end(),
                    [](const std::string& s) { return s.find("{product}") != std::string::npos; }));
  auto filled = ExpandIntentFilled(*model, "en-US", "AddItem", 20);
  CHECK(filled.size() == 20);
  for (const std::string& s : filled) CHECK(s.find('{') == std::string::npos);
}

TEST_CASE("a malformed intents folder fails with the file named", "[nlu][intents]") {
  auto model = LoadIntentModel("/nonexistent/intents");
  REQUIRE_FALSE(model.ok());
  CHECK(model.status().message().find("intents.json") != std::string::npos);
}
