#include "platforms/alexa/interaction_model.h"

#include <catch2/catch.hpp>
#include <regex>
#include <set>

namespace chariot::platforms::alexa {
namespace {

const nlu::IntentModel& Model() {
  static const nlu::IntentModel model = [] {
    auto loaded = nlu::LoadIntentModel(std::string(CHARIOT_SOURCE_DIR) + "/intents");
    if (!loaded.ok()) FAIL(loaded.status().message());
    return *loaded;
  }();
  return model;
}

// The structure the Alexa developer console's JSON Editor accepts ("Interaction model schema",
// Alexa Skills Kit), checked rule by rule.
void CheckInteractionModel(const nlohmann::json& root) {
  REQUIRE(root.contains("interactionModel"));
  const auto& language_model = root["interactionModel"]["languageModel"];
  REQUIRE(language_model["invocationName"].is_string());
  REQUIRE(language_model["intents"].is_array());
  REQUIRE(language_model["types"].is_array());

  std::set<std::string> type_names;
  for (const auto& type : language_model["types"]) {
    REQUIRE(type["name"].is_string());
    CHECK(std::regex_match(type["name"].get<std::string>(), std::regex("[A-Za-z_]+")));
    REQUIRE(type["values"].is_array());
    CHECK_FALSE(type["values"].empty());
    for (const auto& value : type["values"]) {
      REQUIRE(value["name"]["value"].is_string());
      CHECK(value["name"]["value"].get<std::string>().size() <= 140);
      if (value.contains("id")) CHECK(value["id"].is_string());
    }
    type_names.insert(type["name"].get<std::string>());
  }

  std::set<std::string> intent_names;
  std::set<std::string> all_samples;
  const std::regex allowed_sample(R"(^([^\x00-\x1f0-9!-&(-\-/:-z{-~]|[a-z' .]|\{[a-z_]+\})+$)");
  for (const auto& intent : language_model["intents"]) {
    std::string name = intent["name"];
    CHECK(std::regex_match(name, std::regex("AMAZON\\.[A-Za-z]+|[A-Za-z_]+")));
    CHECK(intent_names.insert(name).second);
    std::set<std::string> slots;
    if (intent.contains("slots")) {
      for (const auto& slot : intent["slots"]) {
        std::string type = slot["type"];
        CHECK(std::regex_match(slot["name"].get<std::string>(), std::regex("[A-Za-z_]+")));
        if (type.rfind("AMAZON.", 0) != 0) CHECK(type_names.count(type) == 1);
        slots.insert(slot["name"].get<std::string>());
      }
    }
    REQUIRE(intent["samples"].is_array());
    if (name.rfind("AMAZON.", 0) != 0) CHECK_FALSE(intent["samples"].empty());
    for (const auto& sample_json : intent["samples"]) {
      std::string sample = sample_json;
      INFO(name << ": " << sample);
      CHECK(std::regex_match(sample, allowed_sample));
      CHECK(sample.size() <= 4 * kMaxSampleCharacters);
      CHECK(sample.front() != ' ');
      CHECK(sample.back() != ' ');
      CHECK(all_samples.insert(sample).second);  // one intent per sample
      std::set<std::string> used;
      std::smatch match;
      for (auto it = sample.cbegin();
           std::regex_search(it, sample.cend(), match, std::regex(R"(\{([a-z_]+)\})"));
           it = match.suffix().first) {
        CHECK(slots.count(match[1]) == 1);    // declared
        CHECK(used.insert(match[1]).second);  // once
      }
    }
  }
  for (const char* required : {"AMAZON.CancelIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent",
                               "AMAZON.NavigateHomeIntent", "AMAZON.FallbackIntent"}) {
    INFO(required);
    CHECK(intent_names.count(required) == 1);
  }
}

TEST_CASE("The Alexa export of each locale has the documented structure",
          "[platforms][alexa][export]") {
  for (const std::string locale : {"fr-FR", "en-US"}) {
    INFO(locale);
    auto built = BuildInteractionModel(Model(), locale, DefaultInvocationName(locale));
    REQUIRE(built.ok());
    CheckInteractionModel(built->model);
  }
}

TEST_CASE("The French Alexa model carries our intents, slots and codes",
          "[platforms][alexa][export]") {
  auto built = BuildInteractionModel(Model(), "fr-FR", "chariot courses");
  REQUIRE(built.ok());
  const auto& language_model = built->model["interactionModel"]["languageModel"];
  CHECK(language_model["invocationName"] == "chariot courses");
  const nlohmann::json* add_item = nullptr;
  const nlohmann::json* yes = nullptr;
  for (const auto& intent : language_model["intents"]) {
    if (intent["name"] == "AddItem") add_item = &intent;
    if (intent["name"] == "AMAZON.YesIntent") yes = &intent;
    CHECK(intent["name"] != "Yes");  // built-ins replace ours
  }
  REQUIRE(add_item != nullptr);
  REQUIRE(yes != nullptr);
  CHECK((*add_item)["slots"][1] == nlohmann::json{{"name", "quantity"},
                                                  {"type", "AMAZON.NUMBER"},
                                                  {"samples", nlohmann::json::array()}});
  bool found_full = false;
  for (const auto& sample : (*add_item)["samples"]) {
    std::string text = sample;
    if (text.find("{quantity}") != std::string::npos && text.find("{product}") != std::string::npos)
      found_full = true;
  }
  CHECK(found_full);
  const nlohmann::json* unit = nullptr;
  for (const auto& type : language_model["types"]) {
    if (type["name"] == "Unit") unit = &type;
  }
  REQUIRE(unit != nullptr);
  bool litre = false;
  for (const auto& value : (*unit)["values"]) {
    if (value["id"] == "l") {
      litre = value["name"]["value"] == "litre";
      CHECK(value["name"]["synonyms"].size() >= 1);
    }
  }
  CHECK(litre);
}

TEST_CASE("The Alexa export refuses a bad invocation name or locale",
          "[platforms][alexa][export]") {
  CHECK_FALSE(BuildInteractionModel(Model(), "fr-FR", "chariot").ok());
  CHECK_FALSE(BuildInteractionModel(Model(), "fr-FR", "Chariot Courses").ok());
  CHECK_FALSE(BuildInteractionModel(Model(), "fr-FR", "chariot 2").ok());
  CHECK_FALSE(BuildInteractionModel(Model(), "de-DE", "chariot courses").ok());
}

}  // namespace
}  // namespace chariot::platforms::alexa
