// The validator over the real intents/ folder, and over broken copies of it.
#include "nlu/validator.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using chariot::nlu::ValidateIntents;

namespace {
const std::string kIntentsDir = std::string(CHARIOT_SOURCE_DIR) + "/intents";

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// A scratch copy of intents/ that a test may break.
struct IntentsCopy {
  fs::path root;
  IntentsCopy() {
    std::random_device device;
    root = fs::temp_directory_path() / ("chariot-intents-" + std::to_string(device()));
    fs::copy(kIntentsDir, root, fs::copy_options::recursive);
  }
  ~IntentsCopy() {
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }
  void Write(const std::string& relative, const std::string& text) {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << text;
  }
  bool Mentions(const std::string& needle) {
    return Joined(ValidateIntents(root.string())).find(needle) != std::string::npos;
  }
};
}  // namespace

TEST_CASE("intents/ is valid: every intent has templates and tests in every locale",
          "[nlu][validator]") {
  std::vector<std::string> problems = ValidateIntents(kIntentsDir);
  INFO(Joined(problems));
  CHECK(problems.empty());
}

TEST_CASE("the validator reports an intent without tests", "[nlu][validator]") {
  IntentsCopy copy;
  fs::remove(copy.root / "en-US/tests/Help.json");
  CHECK(copy.Mentions("en-US: intent Help has no test sentences"));
}

TEST_CASE("the validator reports an unknown intent", "[nlu][validator]") {
  IntentsCopy copy;
  copy.Write("fr-FR/OrderPizza.json",
             R"({"intent":"OrderPizza","locale":"fr-FR","templates":["une pizza"]})");
  CHECK(copy.Mentions("unknown intent OrderPizza"));
}

TEST_CASE("the validator reports an unknown slot in a template or a test", "[nlu][validator]") {
  IntentsCopy copy;
  copy.Write("fr-FR/Help.json", R"({"intent":"Help","templates":["aide {color}"]})");
  CHECK(copy.Mentions("unknown slot {color}"));
  IntentsCopy other;
  other.Write("en-US/tests/Help.json",
              R"({"intent":"Help","sentences":[{"text":"help","slots":{"color":"red"}}]})");
  CHECK(other.Mentions("unknown slot color"));
}

TEST_CASE("the validator reports a slot value that is not a code", "[nlu][validator]") {
  IntentsCopy copy;
  copy.Write(
      "en-US/tests/ReportProblem.json",
      R"({"intent":"ReportProblem","sentences":[{"text":"it smells like gas","slots":{"problem":"gas"}}]})");
  CHECK(copy.Mentions("expects problem=gas, not a code of Problem"));
}

TEST_CASE("the validator reports a prompt key missing in a locale", "[nlu][validator]") {
  IntentsCopy copy;
  copy.Write("fr-FR/prompts/zz_validator.json", R"({"welcome_zz":"Bonjour","bye_zz":"Au revoir"})");
  copy.Write("en-US/prompts/zz_validator.json", R"({"welcome_zz":"Hello"})");
  CHECK(copy.Mentions("prompt key bye_zz exists in fr-FR but not in en-US"));
  CHECK_FALSE(copy.Mentions("prompt key welcome_zz"));
}

TEST_CASE("the validator reports a malformed file", "[nlu][validator]") {
  IntentsCopy copy;
  copy.Write("fr-FR/Help.json", "{not json");
  CHECK(copy.Mentions("Help.json: not valid JSON"));
}

TEST_CASE("the validator reports a slot used twice in one sentence", "[nlu][validator]") {
  IntentsCopy copy;
  copy.Write("en-US/GiveRating.json",
             R"({"intent":"GiveRating","templates":["between {score} and {score}"]})");
  CHECK(copy.Mentions("can use {score} twice in one sentence"));
}
