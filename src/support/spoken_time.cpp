#include "support/spoken_time.h"

#include "support/paris_time.h"

namespace chariot::support {
namespace {

const char* kFrenchDays[7] = {"lundi",    "mardi",  "mercredi", "jeudi",
                              "vendredi", "samedi", "dimanche"};
const char* kFrenchMonths[12] = {"janvier",   "février", "mars",     "avril",
                                 "mai",       "juin",    "juillet",  "août",
                                 "septembre", "octobre", "novembre", "décembre"};
const char* kEnglishDays[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                               "Friday", "Saturday", "Sunday"};
const char* kEnglishMonths[12] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};

std::string FrenchClock(const LocalTime& t) {
  if (t.hour == 12 && t.minute == 0) return "midi";
  std::string out = std::to_string(t.hour) + " h";
  if (t.minute != 0)
    out += " " + (t.minute < 10 ? "0" + std::to_string(t.minute) : std::to_string(t.minute));
  return out;
}

std::string EnglishClock(const LocalTime& t) {
  if (t.hour == 12 && t.minute == 0) return "noon";
  int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
  std::string out = std::to_string(hour12);
  if (t.minute != 0) out += ":" + std::string(t.minute < 10 ? "0" : "") + std::to_string(t.minute);
  return out + (t.hour < 12 ? " AM" : " PM");
}

}  // namespace

std::string SpokenSlot(int64_t when, int64_t now, const std::string& locale) {
  const LocalTime t = ToParis(when);
  const int64_t days_ahead = t.day_number - ToParis(now).day_number;
  if (locale == "en-US") {
    std::string day = days_ahead == 0 ? "today"
                      : days_ahead == 1
                          ? "tomorrow"
                          : std::string(kEnglishDays[t.weekday]) + ", " +
                                kEnglishMonths[t.month - 1] + " " + std::to_string(t.day);
    return day + " at " + EnglishClock(t);
  }
  std::string day = days_ahead == 0   ? "aujourd'hui"
                    : days_ahead == 1 ? "demain"
                                      : std::string(kFrenchDays[t.weekday]) + " " +
                                            (t.day == 1 ? "1er" : std::to_string(t.day)) + " " +
                                            kFrenchMonths[t.month - 1];
  return day + " à " + FrenchClock(t);
}

}  // namespace chariot::support
