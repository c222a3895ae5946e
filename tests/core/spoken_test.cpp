// Spoken French and English: prices, amounts with units, dates and slots.
#include "core/spoken.h"

#include <catch2/catch.hpp>

using namespace chariot;

TEST_CASE("numbers are spoken in French words", "[spoken][commerce]") {
  CHECK(SpokenNumber(0, "fr-FR") == "zéro");
  CHECK(SpokenNumber(1, "fr-FR") == "un");
  CHECK(SpokenNumber(1, "fr-FR", true) == "une");
  CHECK(SpokenNumber(21, "fr-FR") == "vingt et un");
  CHECK(SpokenNumber(71, "fr-FR") == "soixante et onze");
  CHECK(SpokenNumber(80, "fr-FR") == "quatre-vingts");
  CHECK(SpokenNumber(81, "fr-FR") == "quatre-vingt-un");
  CHECK(SpokenNumber(99, "fr-FR") == "quatre-vingt-dix-neuf");
  CHECK(SpokenNumber(200, "fr-FR") == "deux cents");
  CHECK(SpokenNumber(250, "fr-FR") == "deux cent cinquante");
  CHECK(SpokenNumber(1000, "fr-FR") == "mille");
  CHECK(SpokenNumber(2080, "fr-FR") == "deux mille quatre-vingts");
  CHECK(SpokenNumber(21, "en-US") == "twenty-one");
  CHECK(SpokenNumber(350, "en-US") == "three hundred fifty");
}

TEST_CASE("prices are spoken the French way, in euros for every locale", "[spoken][commerce]") {
  CHECK(SpokenPrice(350, "fr-FR") == "trois euros cinquante");
  CHECK(SpokenPrice(100, "fr-FR") == "un euro");
  CHECK(SpokenPrice(109, "fr-FR") == "un euro neuf");
  CHECK(SpokenPrice(99, "fr-FR") == "quatre-vingt-dix-neuf centimes");
  CHECK(SpokenPrice(7990, "fr-FR") == "soixante-dix-neuf euros quatre-vingt-dix");
  CHECK(SpokenPrice(0, "fr-FR") == "zéro euro");
  CHECK(SpokenPrice(-5, "fr-FR") == "zéro euro");
  CHECK(SpokenPrice(350, "en-US") == "three euros fifty");
  CHECK(SpokenPrice(1, "en-US") == "one cent");
}

TEST_CASE("amounts are spoken with their unit", "[spoken][commerce]") {
  CHECK(SpokenAmount(2, "l", "fr-FR") == "deux litres");
  CHECK(SpokenAmount(1, "l", "fr-FR") == "un litre");
  CHECK(SpokenAmount(1.5, "kg", "fr-FR") == "un kilo et demi");
  CHECK(SpokenAmount(0.5, "kg", "fr-FR") == "un demi-kilo");
  CHECK(SpokenAmount(500, "g", "fr-FR") == "cinq cents grammes");
  CHECK(SpokenAmount(75, "cl", "fr-FR") == "soixante-quinze centilitres");
  CHECK(SpokenAmount(1.25, "kg", "fr-FR") == "1,25 kilo");
  CHECK(SpokenAmount(6, "", "fr-FR") == "six");
  CHECK(SpokenAmount(1.5, "kg", "en-US") == "one and a half kilos");
  CHECK(SpokenAmount(2, "l", "en-US") == "two liters");
}

TEST_CASE("slots are spoken with day, date and hours", "[spoken][commerce]") {
  CivilTime start{2026, 11, 28, 6, 18, 0};
  CivilTime end{2026, 11, 28, 6, 20, 0};
  CHECK(SpokenSlot(start, end, "fr-FR") == "samedi 28 novembre entre 18 heures et 20 heures");
  CHECK(SpokenSlot(start, end, "en-US") == "Saturday, November 28 between 6 PM and 8 PM");
  CivilTime half{2026, 12, 1, 2, 12, 30};
  CHECK(SpokenTime(half, "fr-FR") == "12 heures 30");
  CHECK(SpokenDate(half, "fr-FR") == "mardi 1er décembre");
  CivilTime noon{2026, 12, 1, 2, 12, 0};
  CHECK(SpokenTime(noon, "fr-FR") == "midi");
}
