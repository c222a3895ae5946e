#include "core/spoken.h"

#include <cmath>
#include <cstdio>

namespace chariot {
namespace {

bool IsEnglish(std::string_view locale) { return locale.substr(0, 2) == "en"; }

const char* const kFrenchUnits[] = {"zéro",   "un",    "deux",     "trois",    "quatre",
                                    "cinq",   "six",   "sept",     "huit",     "neuf",
                                    "dix",    "onze",  "douze",    "treize",   "quatorze",
                                    "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"};
const char* const kFrenchTens[] = {
    "",          "dix",      "vingt",    "trente",       "quarante",
    "cinquante", "soixante", "soixante", "quatre-vingt", "quatre-vingt"};

// 0..99 in French. `final` tells whether nothing follows (the "s" of "quatre-vingts").
std::string FrenchBelow100(int n, bool final) {
  if (n < 20) return kFrenchUnits[n];
  int tens = n / 10;
  int unit = n % 10;
  if (tens == 7 || tens == 9) {
    // soixante-dix, soixante et onze, quatre-vingt-dix...
    std::string base = kFrenchTens[tens];
    int rest = 10 + unit;
    if (tens == 7 && unit == 1) return base + " et onze";
    return base + "-" + kFrenchUnits[rest];
  }
  std::string base = kFrenchTens[tens];
  if (unit == 0) return tens == 8 && final ? base + "s" : base;
  if (unit == 1 && tens != 8) return base + " et un";
  return base + "-" + kFrenchUnits[unit];
}

std::string FrenchBelow1000(int n, bool final) {
  int hundreds = n / 100;
  int rest = n % 100;
  std::string out;
  if (hundreds > 0) {
    out = hundreds == 1 ? "cent" : std::string(kFrenchUnits[hundreds]) + " cent";
    if (hundreds > 1 && rest == 0 && final) out += "s";
    if (rest == 0) return out;
    out += " ";
  }
  return out + FrenchBelow100(rest, final);
}

std::string French(int64_t n) {
  if (n == 0) return "zéro";
  std::string out;
  int64_t millions = n / 1000000;
  int64_t thousands = (n / 1000) % 1000;
  int64_t rest = n % 1000;
  auto add = [&](const std::string& part) {
    if (!out.empty()) out += " ";
    out += part;
  };
  if (millions > 0) {
    add(FrenchBelow1000(static_cast<int>(millions), true) +
        (millions > 1 ? " millions" : " million"));
  }
  if (thousands > 0)
    add(thousands == 1 ? "mille" : FrenchBelow1000(static_cast<int>(thousands), false) + " mille");
  if (rest > 0) add(FrenchBelow1000(static_cast<int>(rest), true));
  return out;
}

const char* const kEnglishUnits[] = {"zero",    "one",     "two",       "three",    "four",
                                     "five",    "six",     "seven",     "eight",    "nine",
                                     "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                     "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
const char* const kEnglishTens[] = {"",      "ten",   "twenty",  "thirty", "forty",
                                    "fifty", "sixty", "seventy", "eighty", "ninety"};

std::string EnglishBelow1000(int n) {
  std::string out;
  if (n >= 100) {
    out = std::string(kEnglishUnits[n / 100]) + " hundred";
    n %= 100;
    if (n == 0) return out;
    out += " ";
  }
  if (n < 20) return out + kEnglishUnits[n];
  out += kEnglishTens[n / 10];
  if (n % 10) out += std::string("-") + kEnglishUnits[n % 10];
  return out;
}

std::string English(int64_t n) {
  if (n == 0) return "zero";
  std::string out;
  auto add = [&](const std::string& part) {
    if (!out.empty()) out += " ";
    out += part;
  };
  if (n >= 1000000) add(EnglishBelow1000(static_cast<int>(n / 1000000)) + " million");
  if ((n / 1000) % 1000) add(EnglishBelow1000(static_cast<int>((n / 1000) % 1000)) + " thousand");
  if (n % 1000) add(EnglishBelow1000(static_cast<int>(n % 1000)));
  return out;
}

struct UnitWords {
  const char* fr_one;
  const char* fr_many;
  const char* en_one;
  const char* en_many;
  bool fr_feminine;
};

const UnitWords* WordsFor(std::string_view unit) {
  static const UnitWords kKilo{"kilo", "kilos", "kilo", "kilos", false};
  static const UnitWords kGram{"gramme", "grammes", "gram", "grams", false};
  static const UnitWords kLiter{"litre", "litres", "liter", "liters", false};
  static const UnitWords kCenti{"centilitre", "centilitres", "centiliter", "centiliters", false};
  static const UnitWords kMilli{"millilitre", "millilitres", "milliliter", "milliliters", false};
  if (unit == "kg") return &kKilo;
  if (unit == "g") return &kGram;
  if (unit == "l") return &kLiter;
  if (unit == "cl") return &kCenti;
  if (unit == "ml") return &kMilli;
  return nullptr;
}

const char* const kFrenchDays[] = {"dimanche", "lundi",    "mardi", "mercredi",
                                   "jeudi",    "vendredi", "samedi"};
const char* const kEnglishDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                    "Thursday", "Friday", "Saturday"};
const char* const kFrenchMonths[] = {"janvier",   "février", "mars",     "avril",
                                     "mai",       "juin",    "juillet",  "août",
                                     "septembre", "octobre", "novembre", "décembre"};
const char* const kEnglishMonths[] = {"January",   "February", "March",    "April",
                                      "May",       "June",     "July",     "August",
                                      "September", "October",  "November", "December"};

}  // namespace

std::string SpokenNumber(int64_t n, std::string_view locale, bool feminine) {
  if (n < 0) n = 0;
  if (n > 999999999) n = 999999999;
  if (IsEnglish(locale)) return English(n);
  std::string out = French(n);
  // "une" for a feminine count ending in "un": une, vingt et une (not "un mille").
  if (feminine && out.size() >= 2 && out.compare(out.size() - 2, 2, "un") == 0) out += "e";
  return out;
}

std::string SpokenPrice(int64_t cents, std::string_view locale) {
  if (cents < 0) cents = 0;
  int64_t euros = cents / 100;
  int64_t rest = cents % 100;
  bool english = IsEnglish(locale);
  if (euros == 0) {
    if (rest == 0) return english ? "zero euros" : "zéro euro";
    return SpokenNumber(rest, locale) +
           (english ? (rest == 1 ? " cent" : " cents") : (rest == 1 ? " centime" : " centimes"));
  }
  std::string out = SpokenNumber(euros, locale) + (euros == 1 ? " euro" : " euros");
  if (rest > 0) out += " " + SpokenNumber(rest, locale);
  return out;
}

std::string SpokenAmount(double amount, std::string_view unit, std::string_view locale) {
  bool english = IsEnglish(locale);
  if (!(amount > 0) || !std::isfinite(amount)) amount = 0;
  int64_t hundredths = std::llround(amount * 100);
  int64_t whole = hundredths / 100;
  int64_t fraction = hundredths % 100;
  const UnitWords* words = WordsFor(unit);
  if (fraction != 0 && fraction != 50) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(hundredths) / 100);
    std::string number = buffer;
    while (number.back() == '0') number.pop_back();
    if (!english) number[number.find('.')] = ',';
    if (!words) return number;
    return number + " " + (english ? words->en_many : words->fr_one);
  }
  bool half = fraction == 50;
  if (english) {
    if (!words) return SpokenNumber(whole, locale) + (half ? " and a half" : "");
    if (half && whole == 0) return std::string("half a ") + words->en_one;
    std::string number = SpokenNumber(whole, locale);
    if (half) return number + " and a half " + words->en_many;
    return number + " " + (whole == 1 ? words->en_one : words->en_many);
  }
  if (!words) return SpokenNumber(whole, locale) + (half ? " et demi" : "");
  if (half && whole == 0) return std::string("un demi-") + words->fr_one;
  std::string number = SpokenNumber(whole, locale, words->fr_feminine);
  return number + " " + (whole >= 2 ? words->fr_many : words->fr_one) + (half ? " et demi" : "");
}

std::string SpokenDate(const CivilTime& t, std::string_view locale) {
  int weekday = ((t.weekday % 7) + 7) % 7;
  int month = t.month >= 1 && t.month <= 12 ? t.month - 1 : 0;
  if (IsEnglish(locale)) {
    return std::string(kEnglishDays[weekday]) + ", " + kEnglishMonths[month] + " " +
           std::to_string(t.day);
  }
  std::string day = t.day == 1 ? "1er" : std::to_string(t.day);
  return std::string(kFrenchDays[weekday]) + " " + day + " " + kFrenchMonths[month];
}

std::string SpokenTime(const CivilTime& t, std::string_view locale) {
  if (IsEnglish(locale)) {
    int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    std::string out = std::to_string(hour12);
    if (t.minute) out += (t.minute < 10 ? ":0" : ":") + std::to_string(t.minute);
    return out + (t.hour < 12 ? " AM" : " PM");
  }
  if (t.hour == 12 && t.minute == 0) return "midi";
  if (t.hour == 0 && t.minute == 0) return "minuit";
  std::string out = std::to_string(t.hour) + (t.hour == 1 ? " heure" : " heures");
  if (t.minute) out += " " + std::to_string(t.minute);
  return out;
}

std::string SpokenTimeRange(const CivilTime& start, const CivilTime& end, std::string_view locale) {
  bool english = IsEnglish(locale);
  return std::string(english ? "between " : "entre ") + SpokenTime(start, locale) +
         (english ? " and " : " et ") + SpokenTime(end, locale);
}

std::string SpokenSlot(const CivilTime& start, const CivilTime& end, std::string_view locale) {
  return SpokenDate(start, locale) + " " + SpokenTimeRange(start, end, locale);
}

}  // namespace chariot
