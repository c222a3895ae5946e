#include "nlu/quantities.h"

#include <catch2/catch.hpp>

#include "nlu/test_util.h"

using namespace chariot::nlu;
using chariot::nlu::testing::Words;

namespace {
UnitLexicon FrenchUnits() {
  UnitLexicon units;
  units.Add("l", {"litre", "litres"}, Language::kFrench);
  units.Add("kg", {"kilo", "kilos", "kilogrammes"}, Language::kFrench);
  units.Add("g", {"gramme", "grammes", "g"}, Language::kFrench);
  units.Add("cl", {"centilitres"}, Language::kFrench);
  units.Add("bottle", {"bouteille", "bouteilles"}, Language::kFrench);
  units.Add("can", {"boîte de conserve", "boîtes de conserve"}, Language::kFrench);
  units.Add("box", {"boîte", "boîtes"}, Language::kFrench);
  return units;
}
QuantityMatch Longest(const std::string& text, const UnitLexicon& units, Language language) {
  auto words = Words(text, language);
  auto all = ParseQuantities(words.tokens, 0, language, units);
  return all.empty() ? QuantityMatch{-1, "", 0} : all.back();
}
}  // namespace

TEST_CASE("French quantities with their unit", "[nlu][quantities]") {
  UnitLexicon units = FrenchUnits();
  auto q = Longest("deux litres de lait", units, Language::kFrench);
  CHECK(q.value == 2);
  CHECK(q.unit == "l");
  CHECK(q.end == 2);
  q = Longest("un kilo et demi de pommes", units, Language::kFrench);
  CHECK(q.value == 1.5);
  CHECK(q.unit == "kg");
  q = Longest("500 g de farine", units, Language::kFrench);
  CHECK(q.value == 500);
  CHECK(q.unit == "g");
  q = Longest("500g de farine", units, Language::kFrench);
  CHECK(q.unit == "g");
  q = Longest("soixante-quinze centilitres", units, Language::kFrench);
  CHECK(q.value == 75);
  CHECK(q.unit == "cl");
  q = Longest("une douzaine d'œufs", units, Language::kFrench);
  CHECK(q.value == 12);
  CHECK(q.unit.empty());
  q = Longest("trois boîtes de conserve de tomates", units, Language::kFrench);
  CHECK(q.unit == "can");
}

TEST_CASE("every reading is offered, shortest first", "[nlu][quantities]") {
  UnitLexicon units = FrenchUnits();
  auto words = Words("deux bouteilles", Language::kFrench);
  auto all = ParseQuantities(words.tokens, 0, Language::kFrench, units);
  REQUIRE(all.size() == 2);
  CHECK(all[0].unit.empty());
  CHECK(all[1].unit == "bottle");
  CHECK(ParseQuantities(words.tokens, 1, Language::kFrench, units).empty());
}

TEST_CASE("English quantities", "[nlu][quantities]") {
  UnitLexicon units;
  units.Add("kg", {"kilo", "kilos"}, Language::kEnglish);
  units.Add("l", {"liter", "liters"}, Language::kEnglish);
  auto q = Longest("two and a half kilos", units, Language::kEnglish);
  CHECK(q.value == 2.5);
  CHECK(q.unit == "kg");
  q = Longest("a liter of milk", units, Language::kEnglish);
  CHECK(q.value == 1);
  CHECK(q.unit == "l");
  q = Longest("a kilo and a half", units, Language::kEnglish);
  CHECK(q.value == 1.5);
}
