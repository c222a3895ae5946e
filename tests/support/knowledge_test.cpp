// The support data files: complete, every number sourced, nothing invented
// (src/support/knowledge.cpp, data/support/*.json).
#include "support/knowledge.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "app/paths.h"
#include "support/advice.h"
#include "support/temp_dir.h"
#include "support/types.h"

using namespace chariot;
using namespace chariot::support;

namespace {

const Knowledge& Data() {
  static const Knowledge knowledge = [] {
    auto loaded = Knowledge::Load(app::ResolveResourcePaths().data_dir);
    if (!loaded.ok()) FAIL(loaded.status().message());
    return *loaded;
  }();
  return knowledge;
}

std::string Said(const std::string& key, const std::string& locale,
                 const AdviceVariables& variables = {}) {
  auto pieces = RenderAdvice(Data(), key, locale, variables);
  REQUIRE(pieces.ok());
  return AdviceText(*pieces);
}

// Copies data/ to a temporary folder with advice.json replaced.
std::string DataWithAdvice(testing::TempDir& dir, const std::string& from, const std::string& to) {
  namespace fs = std::filesystem;
  const fs::path source = app::ResolveResourcePaths().data_dir;
  fs::create_directories(dir.path() / "support");
  for (const char* name : {"triage.json", "steps.json", "products.json"}) {
    fs::copy_file(source / "support" / name, dir.path() / "support" / name);
  }
  std::ifstream in(source / "support" / "advice.json");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(dir.path() / "support" / "advice.json") << text;
  return dir.path().string();
}

}  // namespace

TEST_CASE("the support data loads and covers every problem in both locales",
          "[support][knowledge]") {
  for (const std::string& problem : ProblemCodes()) {
    const AdviceBlock* block = Data().Advice(problem);
    REQUIRE(block != nullptr);
    CHECK(block->sentences.count("fr-FR") == 1);
    CHECK(block->sentences.count("en-US") == 1);
    CHECK(Data().base_tiers.count(problem) == 1);
  }
  for (const auto& [key, number] : Data().numbers) {
    INFO(key);
    CHECK(Data().sources.count(number.source) == 1);
  }
}

TEST_CASE("every safety sentence names its sources", "[support][knowledge]") {
  for (const auto& [key, block] : Data().problems) {
    bool says_something = false;
    for (const auto& [locale, sentences] : block.sentences) says_something |= !sentences.empty();
    INFO(key);
    if (says_something) CHECK_FALSE(block.sources.empty());
  }
  for (const auto& [key, block] : Data().general) {
    INFO(key);
    CHECK_FALSE(block.sources.empty());
  }
}

TEST_CASE("the gas advice: leave, no switch or flame, GRDF's line and 112 in France",
          "[support][knowledge]") {
  const std::string fr = Said("gas_smell", "fr-FR");
  CHECK(fr.find("Sortez") == 0);
  CHECK(fr.find("interrupteur") != std::string::npos);
  CHECK(fr.find("flamme") != std::string::npos);
  CHECK(fr.find("GRDF") != std::string::npos);
  CHECK(fr.find("0 800 47 33 33") != std::string::npos);
  CHECK(fr.find("112") != std::string::npos);
  CHECK(Data().numbers.at("grdf_gas").source == "grdf");
}

TEST_CASE("the US gas advice gives 911 and no French number", "[support][knowledge]") {
  const std::string en = Said("gas_smell", "en-US");
  CHECK(en.find("Leave") == 0);
  CHECK(en.find("911") != std::string::npos);
  CHECK(en.find("gas utility") != std::string::npos);
  CHECK(en.find("0 800") == std::string::npos);
  CHECK(en.find("112") == std::string::npos);
}

TEST_CASE("the power-cut line is Enedis' prefix and the department", "[support][knowledge]") {
  CHECK(Data().enedis_prefix == "09 72 67 50");
  const std::string fr = Said("power_outage_line", "fr-FR", {std::string("09 72 67 50 69")});
  CHECK(fr.find("Enedis") != std::string::npos);
  CHECK(fr.find("09 72 67 50 69") != std::string::npos);
  // Without the department the sentence cannot be said: never a made-up number.
  CHECK_FALSE(RenderAdvice(Data(), "power_outage_line", "fr-FR").ok());
  const std::string en = Said("power_outage_line", "en-US");
  CHECK(en.find("09 72") == std::string::npos);
  CHECK(en.find("utility") != std::string::npos);
}

TEST_CASE("numbers are pieces of their own, so they are read as telephone numbers",
          "[support][knowledge]") {
  auto pieces = RenderAdvice(Data(), "gas_smell", "fr-FR");
  REQUIRE(pieces.ok());
  int telephones = 0;
  for (const auto& piece : *pieces) {
    if (piece.kind == AdvicePiece::kTelephone) {
      ++telephones;
      CHECK(piece.text.find_first_not_of("0123456789 ") == std::string::npos);
    } else {
      CHECK(piece.text.find_first_of("0123456789") == std::string::npos);
    }
  }
  CHECK(telephones == 2);
}

TEST_CASE("a sentence naming an unknown number is refused at load", "[support][knowledge]") {
  testing::TempDir dir;
  std::string data = DataWithAdvice(dir, "{number:grdf_gas}", "{number:made_up}");
  auto loaded = Knowledge::Load(data);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().message().find("made_up") != std::string::npos);
}

TEST_CASE("a number written into a sentence instead of {number:...} is refused",
          "[support][knowledge]") {
  testing::TempDir dir;
  std::string data = DataWithAdvice(dir, "{number:grdf_gas}", "0 800 00 00 00");
  CHECK_FALSE(Knowledge::Load(data).ok());
}

TEST_CASE("a missing data folder is a clear error", "[support][knowledge]") {
  auto loaded = Knowledge::Load("/nonexistent");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().message().find("advice.json") != std::string::npos);
}

TEST_CASE("every guided step exists in both locales", "[support][knowledge]") {
  for (const char* problem : {"lawnmower", "appliance_breakdown", "no_heating", "power_outage"}) {
    INFO(problem);
    const auto& steps = Data().Steps(problem);
    CHECK(steps.size() >= 2);
    for (const auto& step : steps) {
      CHECK_FALSE(step.text.at("fr-FR").empty());
      CHECK_FALSE(step.text.at("en-US").empty());
    }
  }
  const auto& mower = Data().Steps("lawnmower");
  CHECK(mower[0].id == "fuel");
  CHECK(mower[1].id == "safety_lever");
  CHECK(mower[2].id == "spark_plug");
  CHECK(Data().Steps("gas_smell").empty());
}
