#include "nlu/numbers.h"

#include <catch2/catch.hpp>

#include "nlu/test_util.h"

using namespace chariot::nlu;
using chariot::nlu::testing::Words;

namespace {
double Fr(const std::string& text) {
  auto words = Words(text, Language::kFrench);
  auto match = ParseNumber(words.tokens, 0, Language::kFrench);
  return match && match->end == words.tokens.size() ? match->value : -1;
}
double En(const std::string& text) {
  auto words = Words(text, Language::kEnglish);
  auto match = ParseNumber(words.tokens, 0, Language::kEnglish);
  return match && match->end == words.tokens.size() ? match->value : -1;
}
}  // namespace

TEST_CASE("French numbers in words", "[nlu][numbers]") {
  CHECK(Fr("zéro") == 0);
  CHECK(Fr("un") == 1);
  CHECK(Fr("une") == 1);
  CHECK(Fr("dix-sept") == 17);
  CHECK(Fr("vingt et un") == 21);
  CHECK(Fr("soixante-dix-sept") == 77);
  CHECK(Fr("soixante et onze") == 71);
  CHECK(Fr("quatre-vingts") == 80);
  CHECK(Fr("quatre-vingt-quinze") == 95);
  CHECK(Fr("quatre vingt dix neuf") == 99);
  CHECK(Fr("cent") == 100);
  CHECK(Fr("cent un") == 101);
  CHECK(Fr("deux cent cinquante") == 250);
  CHECK(Fr("mille deux cents") == 1200);
  CHECK(Fr("vingt mille") == 20000);
  CHECK(Fr("trois millions") == 3000000);
  CHECK(Fr("un million deux cent mille") == 1200000);
}

TEST_CASE("French fractions and dozens", "[nlu][numbers]") {
  CHECK(Fr("1,5") == 1.5);
  CHECK(Fr("2.25") == 2.25);
  CHECK(Fr("un et demi") == 1.5);
  CHECK(Fr("deux et demie") == 2.5);
  CHECK(Fr("une douzaine") == 12);
  CHECK(Fr("deux douzaines") == 24);
  CHECK(Fr("une demi-douzaine") == 6);
  CHECK(Fr("un demi") == 0.5);
}

TEST_CASE("digits and multipliers", "[nlu][numbers]") {
  CHECK(Fr("500") == 500);
  CHECK(Fr("2 millions") == 2000000);
  CHECK(En("12") == 12);
}

TEST_CASE("words that are not one number stop early", "[nlu][numbers]") {
  auto words = Words("deux trois pommes", Language::kFrench);
  auto match = ParseNumber(words.tokens, 0, Language::kFrench);
  REQUIRE(match);
  CHECK(match->value == 2);
  CHECK(match->end == 1);
  CHECK_FALSE(ParseNumber(words.tokens, 2, Language::kFrench));
  auto en = Words("the milk", Language::kEnglish);
  CHECK_FALSE(ParseNumber(en.tokens, 0, Language::kEnglish));
}

TEST_CASE("English numbers", "[nlu][numbers]") {
  CHECK(En("zero") == 0);
  CHECK(En("seven") == 7);
  CHECK(En("seventeen") == 17);
  CHECK(En("twenty-five") == 25);
  CHECK(En("ninety nine") == 99);
  CHECK(En("a hundred") == 100);
  CHECK(En("one hundred and five") == 105);
  CHECK(En("two thousand three hundred") == 2300);
  CHECK(En("three million") == 3000000);
  CHECK(En("one and a half") == 1.5);
  CHECK(En("a dozen") == 12);
  CHECK(En("half a dozen") == 6);
  CHECK(En("two dozen") == 24);
  CHECK(En("1.5") == 1.5);
}

TEST_CASE("numbers are written in plain decimal", "[nlu][numbers]") {
  CHECK(FormatNumber(2) == "2");
  CHECK(FormatNumber(1.5) == "1.5");
  CHECK(FormatNumber(0.25) == "0.25");
  CHECK(FormatNumber(1200000) == "1200000");
}
