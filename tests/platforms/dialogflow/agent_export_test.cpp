#include "platforms/dialogflow/agent_export.h"

#include <catch2/catch.hpp>
#include <set>

namespace chariot::platforms::dialogflow {
namespace {

const nlu::IntentModel& Model() {
  static const nlu::IntentModel model = [] {
    auto loaded = nlu::LoadIntentModel(std::string(CHARIOT_SOURCE_DIR) + "/intents");
    if (!loaded.ok()) FAIL(loaded.status().message());
    return *loaded;
  }();
  return model;
}

// The layout and fields of a Dialogflow ES agent export ("Export and restore", Dialogflow ES),
// checked file by file.
void CheckAgent(const AgentExport& agent, const std::string& language) {
  const auto& files = agent.files;
  REQUIRE(files.count("package.json") == 1);
  REQUIRE(files.count("agent.json") == 1);
  const auto& meta = files.at("agent.json");
  CHECK(meta["language"] == language);
  CHECK(meta["defaultTimezone"] == "Europe/Paris");
  CHECK(meta["webhook"]["available"] == true);
  CHECK(meta["webhook"]["url"] == "https://chariot.example.fr/dialogflow/es");

  std::set<std::string> entity_names;
  for (const auto& [path, content] : files) {
    if (path.rfind("entities/", 0) == 0 && path.find("_entries_") == std::string::npos) {
      CHECK(content["name"].is_string());
      CHECK(content["id"].is_string());
      std::string entries =
          "entities/" + content["name"].get<std::string>() + "_entries_" + language + ".json";
      REQUIRE(files.count(entries) == 1);
      CHECK_FALSE(files.at(entries).empty());
      for (const auto& entry : files.at(entries)) {
        CHECK(entry["value"].is_string());
        CHECK(entry["synonyms"].is_array());
        CHECK_FALSE(entry["synonyms"].empty());
      }
      entity_names.insert("@" + content["name"].get<std::string>());
    }
  }

  int intents = 0;
  for (const auto& [path, content] : files) {
    if (path.rfind("intents/", 0) != 0 || path.find("_usersays_") != std::string::npos) continue;
    intents++;
    INFO(path);
    std::string name = content["name"];
    CHECK(path == "intents/" + name + ".json");
    CHECK(content["webhookUsed"] == true);
    REQUIRE(content["responses"].is_array());
    std::map<std::string, std::string> parameters;
    for (const auto& parameter : content["responses"][0]["parameters"]) {
      std::string type = parameter["dataType"];
      CHECK(parameter["value"] == "$" + parameter["name"].get<std::string>());
      if (type.rfind("@sys.", 0) != 0) CHECK(entity_names.count(type) == 1);
      parameters[parameter["name"]] = type;
    }
    std::string usersays = "intents/" + name + "_usersays_" + language + ".json";
    if (name == "Default Welcome Intent" || name == "Default Fallback Intent") continue;
    REQUIRE(files.count(usersays) == 1);
    CHECK_FALSE(files.at(usersays).empty());
    for (const auto& phrase : files.at(usersays)) {
      CHECK(phrase["lang"] == language);
      CHECK(phrase["isTemplate"] == false);
      for (const auto& piece : phrase["data"]) {
        CHECK(piece["text"].is_string());
        CHECK_FALSE(piece["text"].get<std::string>().empty());
        CHECK(piece["text"].get<std::string>().find('{') == std::string::npos);
        if (piece.contains("alias")) {
          REQUIRE(parameters.count(piece["alias"]) == 1);
          CHECK(piece["meta"] == parameters[piece["alias"]]);
        }
      }
    }
  }
  CHECK(intents >= 3);
}

TEST_CASE("The Dialogflow ES agent export has the documented layout",
          "[platforms][dialogflow][export]") {
  for (auto [locale, language] :
       {std::pair<std::string, std::string>{"fr-FR", "fr"}, {"en-US", "en"}}) {
    INFO(locale);
    auto agent = BuildEsAgent(Model(), locale, "https://chariot.example.fr/dialogflow/es");
    REQUIRE(agent.ok());
    CheckAgent(*agent, language);
  }
}

TEST_CASE("The French agent annotates AddItem and maps units to our codes",
          "[platforms][dialogflow][export]") {
  auto agent = BuildEsAgent(Model(), "fr-FR", "https://chariot.example.fr/dialogflow/es");
  REQUIRE(agent.ok());
  const auto& files = agent->files;
  REQUIRE(files.count("intents/AddItem.json") == 1);
  REQUIRE(files.count("intents/Default Welcome Intent.json") == 1);
  CHECK(files.at("intents/Default Welcome Intent.json")["events"][0]["name"] == "WELCOME");
  CHECK(files.at("intents/Default Fallback Intent.json")["fallbackIntent"] == true);
  CHECK(files.count("intents/Fallback.json") == 0);
  bool litre = false;
  for (const auto& entry : files.at("entities/Unit_entries_fr.json")) {
    if (entry["value"] == "l") litre = entry["synonyms"][0] == "litre";
  }
  CHECK(litre);
  CHECK(files.at("entities/Product.json")["automatedExpansion"] == true);
  bool annotated_quantity = false;
  for (const auto& phrase : files.at("intents/AddItem_usersays_fr.json")) {
    for (const auto& piece : phrase["data"]) {
      if (piece.value("alias", "") == "quantity")
        annotated_quantity = piece["meta"] == "@sys.number";
    }
  }
  CHECK(annotated_quantity);
  // Reproducible: the same input gives the same ids.
  auto again = BuildEsAgent(Model(), "fr-FR", "https://chariot.example.fr/dialogflow/es");
  CHECK(again->files == agent->files);
}

}  // namespace
}  // namespace chariot::platforms::dialogflow
