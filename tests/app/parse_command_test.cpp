// `chariot parse` and `chariot eval-nlu` as a person or a script meets them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_command.h"

using chariot::testing::RunChariot;
using nlohmann::json;

TEST_CASE("chariot parse TEXT prints the contract's JSON", "[app][parse]") {
  auto result =
      RunChariot({"parse", "--now", "2026-11-24T10:00:00+01:00", "ajoute deux litres de lait"});
  REQUIRE(result.exit_code == 0);
  json out = json::parse(result.out);
  CHECK(out["text"] == "ajoute deux litres de lait");
  CHECK(out["intent"] == "AddItem");
  CHECK(out["confidence"].is_number());
  CHECK(out["slots"] == json({{"product", "lait"}, {"quantity", 2}, {"unit", "l"}}));
}

TEST_CASE("chariot parse reads stdin line by line, dates against --now", "[app][parse]") {
  auto result = RunChariot({"parse", "--locale", "en-US", "--now", "2026-11-24T09:00:00Z"},
                           "deliver it tomorrow at 6 pm\n\nwhat's the weather\n");
  REQUIRE(result.exit_code == 0);
  std::istringstream lines(result.out);
  std::string line;
  std::vector<json> outputs;
  while (std::getline(lines, line)) outputs.push_back(json::parse(line));
  REQUIRE(outputs.size() == 3);
  CHECK(outputs[0]["intent"] == "PlaceOrder");
  CHECK(outputs[0]["slots"]["date"] == "2026-11-25");
  CHECK(outputs[0]["slots"]["time"] == "18:00");
  CHECK(outputs[1]["intent"] == "Fallback");
  CHECK(outputs[2]["intent"] == "Fallback");
}

TEST_CASE("chariot parse refuses bad options with one sentence", "[app][parse]") {
  auto bad_now = RunChariot({"parse", "--now", "tomorrow", "bonjour"});
  CHECK(bad_now.exit_code != 0);
  CHECK(bad_now.err.find("--now") != std::string::npos);
  CHECK(bad_now.err.find('\n') == bad_now.err.size() - 1);
  auto bad_locale = RunChariot({"parse", "--locale", "de-DE", "hallo"});
  CHECK(bad_locale.exit_code != 0);
  CHECK(bad_locale.err.find("de-DE") != std::string::npos);
  auto missing = RunChariot({"parse", "--locale"});
  CHECK(missing.exit_code != 0);
  auto help = RunChariot({"parse", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("usage: chariot parse") != std::string::npos);
}

TEST_CASE("chariot parse survives hostile lines on stdin", "[app][parse]") {
  std::string input =
      std::string("\xFF\xFE\x00 lait\n", 9) + std::string(70000, 'x') + "\n<b>x</b>\n";
  auto result = RunChariot({"parse"}, input);
  REQUIRE(result.exit_code == 0);
  std::istringstream lines(result.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    json out = json::parse(line);
    CHECK(out["intent"] == "Fallback");
    ++count;
  }
  CHECK(count == 3);
}

TEST_CASE("chariot eval-nlu prints accuracy per intent and meets the targets", "[app][eval]") {
  auto result = RunChariot({"eval-nlu", "--locale", "fr-FR"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("AddItem") != std::string::npos);
  CHECK(result.out.find("ALL") != std::string::npos);
  auto help = RunChariot({"eval-nlu", "--help"});
  CHECK(help.exit_code == 0);
  auto bad = RunChariot({"eval-nlu", "--set", "/nonexistent.json"});
  CHECK(bad.exit_code != 0);
}
