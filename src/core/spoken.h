// Spoken formatting: numbers, prices, quantities with their unit, days and time ranges, the way
// a person says them in fr-FR ("trois euros cinquante", "un kilo et demi", "samedi 28 novembre
// entre 18 heures et 20 heures") or en-US ("three euros fifty", "one and a half kilos").
// Any locale that does not start with "en" is spoken in French. Prices are always in euros:
// en-US customers of a French retailer still pay euros.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace chariot {

// Whole numbers in words, 0..999'999'999 ("vingt et un", "quatre-vingt-dix-neuf",
// "twenty-one"). feminine: "une" instead of "un" for French counts of feminine nouns.
std::string SpokenNumber(int64_t n, std::string_view locale, bool feminine = false);

// "trois euros cinquante", "un euro", "quatre-vingt-dix-neuf centimes", "zéro euro";
// en: "three euros fifty", "one euro", "ninety-nine cents". Negative amounts are spoken as 0.
std::string SpokenPrice(int64_t cents, std::string_view locale);

// An amount with its unit: unit is one of g kg ml cl l (others are spoken as a bare number).
// "deux litres", "un kilo et demi", "cinq cents grammes", "soixante-quinze centilitres",
// "un litre et demi"; en: "two liters", "one and a half kilos". Amounts are rounded to the
// nearest hundredth; a fraction other than a half is spoken with a decimal comma ("1,25 kilo").
std::string SpokenAmount(double amount, std::string_view unit, std::string_view locale);

// A local (Europe/Paris) civil date and time.
struct CivilTime {
  int year = 1970;
  int month = 1;    // 1..12
  int day = 1;      // 1..31
  int weekday = 4;  // 0 = Sunday
  int hour = 0;
  int minute = 0;
};

// "samedi 28 novembre" / "Saturday, November 28".
std::string SpokenDate(const CivilTime& t, std::string_view locale);
// "18 heures", "18 heures 30" / "6 PM", "6:30 PM".
std::string SpokenTime(const CivilTime& t, std::string_view locale);
// "entre 18 heures et 20 heures" / "between 6 PM and 8 PM".
std::string SpokenTimeRange(const CivilTime& start, const CivilTime& end, std::string_view locale);
// "samedi 28 novembre entre 18 heures et 20 heures" / "Saturday, November 28 between 6 PM and
// 8 PM". end is assumed on the same day.
std::string SpokenSlot(const CivilTime& start, const CivilTime& end, std::string_view locale);

}  // namespace chariot
