#include "nlu/dates.h"

#include <cmath>
#include <cstring>
#include <string_view>

#include "nlu/civil_time.h"
#include "nlu/numbers.h"

namespace chariot::nlu {
namespace {

struct Parts {
  std::optional<int64_t> days;  // civil days since 1970-01-01 (Paris)
  int hour = -1;
  int minute = 0;
  std::string part_of_day;
  std::optional<int64_t> absolute;  // "dans une heure": an instant (UTC seconds)
};

struct Context {
  const std::vector<Token>& tokens;
  Language language;
  int64_t now;
  LocalTime local;
  int64_t today;

  bool Is(size_t i, std::string_view word) const {
    return i < tokens.size() && tokens[i].word == word;
  }
  bool french() const { return language == Language::kFrench; }
};

int Weekday(std::string_view word, Language language) {
  static const char* kFrench[] = {"lundi",    "mardi",  "mercredi", "jeudi",
                                  "vendredi", "samedi", "dimanche"};
  static const char* kEnglish[] = {"monday", "tuesday",  "wednesday", "thursday",
                                   "friday", "saturday", "sunday"};
  const char** names = language == Language::kFrench ? kFrench : kEnglish;
  for (int i = 0; i < 7; ++i)
    if (word == names[i]) return i;
  if (language == Language::kEnglish) {
    static const char* kShort[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int i = 0; i < 7; ++i)
      if (word == kShort[i]) return i;
  }
  return -1;
}

int Month(std::string_view word, Language language) {
  static const char* kFrench[] = {"janvier",   "fevrier", "mars",     "avril",
                                  "mai",       "juin",    "juillet",  "aout",
                                  "septembre", "octobre", "novembre", "decembre"};
  static const char* kEnglish[] = {"january",   "february", "march",    "april",
                                   "may",       "june",     "july",     "august",
                                   "september", "october",  "november", "december"};
  const char** names = language == Language::kFrench ? kFrench : kEnglish;
  for (int i = 0; i < 12; ++i)
    if (word == names[i]) return i + 1;
  if (language == Language::kEnglish) {
    static const char* kShort[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i)
      if (word == kShort[i]) return i + 1;
  }
  return 0;
}

// An English ordinal word ("third", "twenty first") at i.
std::optional<NumberMatch> EnglishOrdinal(const Context& c, size_t i) {
  static const char* kOrdinals[] = {
      "",           "first",      "second",     "third",     "fourth",    "fifth",
      "sixth",      "seventh",    "eighth",     "ninth",     "tenth",     "eleventh",
      "twelfth",    "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
      "eighteenth", "nineteenth", "twentieth"};
  if (i >= c.tokens.size()) return std::nullopt;
  int base = 0;
  size_t j = i;
  if (c.Is(j, "twenty")) {
    base = 20;
    ++j;
  } else if (c.Is(j, "thirty")) {
    base = 30;
    ++j;
  }
  if (c.Is(i, "thirtieth")) return NumberMatch{30, i + 1};
  for (int k = 1; k <= 20; ++k)
    if (c.Is(j, kOrdinals[k]) && (base == 0 || k < 10)) return NumberMatch{double(base + k), j + 1};
  return std::nullopt;
}

// A day of the month at i: "3", "trois", "premier", "1er", "3rd", "third".
std::optional<NumberMatch> DayOfMonth(const Context& c, size_t i) {
  if (c.french() && c.Is(i, "premier")) return NumberMatch{1, i + 1};
  if (!c.french()) {
    if (auto ordinal = EnglishOrdinal(c, i)) return ordinal;
  }
  std::optional<NumberMatch> number = ParseNumber(c.tokens, i, c.language);
  if (!number || number->value < 1 || number->value > 31 ||
      number->value != std::floor(number->value))
    return std::nullopt;
  size_t end = number->end;
  if (c.Is(end, "er") || c.Is(end, "st") || c.Is(end, "nd") || c.Is(end, "rd") || c.Is(end, "th"))
    ++end;
  return NumberMatch{number->value, end};
}

int64_t NextWeekday(const Context& c, int weekday) {
  int delta = (weekday - c.local.weekday + 7) % 7;
  if (delta == 0) delta = 7;
  return c.today + delta;
}

// A day and month, resolved to this year or the next when it has passed.
std::optional<int64_t> ResolveDayMonth(const Context& c, int day, int month, int year) {
  int y = year > 0 ? year : c.local.date.year;
  if (day > DaysInMonth(y, month)) return std::nullopt;
  int64_t days = DaysFromCivil({y, month, day});
  if (year == 0 && days < c.today) {
    if (day > DaysInMonth(y + 1, month)) return std::nullopt;
    days = DaysFromCivil({y + 1, month, day});
  }
  return days;
}

std::optional<int64_t> ResolveDayOnly(const Context& c, int day) {
  CivilDate date = c.local.date;
  for (int k = 0; k < 3; ++k) {
    if (day <= DaysInMonth(date.year, date.month)) {
      int64_t days = DaysFromCivil({date.year, date.month, day});
      if (days >= c.today) return days;
    }
    date.month = date.month == 12 ? 1 : date.month + 1;
    if (date.month == 1) ++date.year;
    date.day = 1;
  }
  return std::nullopt;
}

std::optional<int> Year(const Context& c, size_t i, size_t& end) {
  std::optional<NumberMatch> number = ParseNumber(c.tokens, i, c.language);
  if (!number || number->value < 2000 || number->value > 2100) return std::nullopt;
  end = number->end;
  return static_cast<int>(number->value);
}

// "dans trois jours", "in an hour": relative to now.
bool TryRelative(const Context& c, size_t i, Parts& parts, size_t& end) {
  if (!(c.french() ? c.Is(i, "dans") : c.Is(i, "in"))) return false;
  size_t j = i + 1;
  if (c.french()) {
    if (c.Is(j, "une") && c.Is(j + 1, "demi") && c.Is(j + 2, "heure")) {
      parts.absolute = c.now + 1800;
      end = j + 3;
      return true;
    }
    if (c.Is(j, "un") && c.Is(j + 1, "quart") && c.Is(j + 2, "d") && c.Is(j + 3, "heure")) {
      parts.absolute = c.now + 900;
      end = j + 4;
      return true;
    }
  } else {
    if (c.Is(j, "half") && c.Is(j + 1, "an") && c.Is(j + 2, "hour")) {
      parts.absolute = c.now + 1800;
      end = j + 3;
      return true;
    }
    if (c.Is(j, "a") && c.Is(j + 1, "quarter") && c.Is(j + 2, "of") && c.Is(j + 3, "an") &&
        c.Is(j + 4, "hour")) {
      parts.absolute = c.now + 900;
      end = j + 5;
      return true;
    }
  }
  double amount = 1;
  size_t k = j;
  if (!c.french() && (c.Is(j, "a") || c.Is(j, "an"))) {
    k = j + 1;
  } else {
    std::optional<NumberMatch> number = ParseNumber(c.tokens, j, c.language);
    if (!number || number->value <= 0 || number->value > 1000) return false;
    amount = number->value;
    k = number->end;
  }
  if (k >= c.tokens.size()) return false;
  const std::string& unit = c.tokens[k].word;
  auto one_of = [&unit](std::initializer_list<const char*> words) {
    for (const char* w : words)
      if (unit == w) return true;
    return false;
  };
  if (one_of({"jour", "jours", "day", "days"})) {
    parts.days = c.today + static_cast<int64_t>(amount);
  } else if (one_of({"semaine", "semaines", "week", "weeks"})) {
    parts.days = c.today + 7 * static_cast<int64_t>(amount);
  } else if (one_of({"heure", "heures", "h", "hour", "hours"})) {
    parts.absolute = c.now + static_cast<int64_t>(amount * 3600);
  } else if (one_of({"minute", "minutes", "min", "mn"})) {
    parts.absolute = c.now + static_cast<int64_t>(amount * 60);
  } else {
    return false;
  }
  end = k + 1;
  return true;
}

const char* PodWord(const Context& c, size_t i, size_t& end) {
  if (c.french()) {
    if (c.Is(i, "matin") || c.Is(i, "matinee")) {
      end = i + 1;
      return "morning";
    }
    if (c.Is(i, "apres") && c.Is(i + 1, "midi")) {
      end = i + 2;
      return "afternoon";
    }
    if (c.Is(i, "aprem")) {
      end = i + 1;
      return "afternoon";
    }
    if (c.Is(i, "soir") || c.Is(i, "soiree")) {
      end = i + 1;
      return "evening";
    }
    if (c.Is(i, "fin") && c.Is(i + 1, "de") && c.Is(i + 2, "journee")) {
      end = i + 3;
      return "evening";
    }
    if (c.Is(i, "fin") && c.Is(i + 1, "d") && c.Is(i + 2, "apres") && c.Is(i + 3, "midi")) {
      end = i + 4;
      return "afternoon";
    }
    if (c.Is(i, "debut") && c.Is(i + 1, "d") && c.Is(i + 2, "apres") && c.Is(i + 3, "midi")) {
      end = i + 4;
      return "afternoon";
    }
    if (c.Is(i, "debut") && c.Is(i + 1, "de") && c.Is(i + 2, "soiree")) {
      end = i + 3;
      return "evening";
    }
    return nullptr;
  }
  if (c.Is(i, "morning")) {
    end = i + 1;
    return "morning";
  }
  if (c.Is(i, "afternoon")) {
    end = i + 1;
    return "afternoon";
  }
  if (c.Is(i, "evening") || c.Is(i, "night")) {
    end = i + 1;
    return "evening";
  }
  return nullptr;
}

// A part of the day, with its article: "le soir", "dans la matinée", "in the evening".
bool TryPartOfDay(const Context& c, size_t i, Parts& parts, size_t& end) {
  size_t j = i;
  if (c.french()) {
    if (c.Is(j, "dans") || c.Is(j, "en") || c.Is(j, "pour")) ++j;
    if (c.Is(j, "le") || c.Is(j, "la") || c.Is(j, "l") || c.Is(j, "du") || c.Is(j, "de")) ++j;
    if (c.Is(j, "d") || c.Is(j, "l")) ++j;  // "de l'après-midi", "en début d'après-midi"
  } else {
    if (c.Is(j, "in") || c.Is(j, "during") || c.Is(j, "for")) ++j;
    if (c.Is(j, "the")) ++j;
  }
  const char* pod = PodWord(c, j, end);
  if (pod == nullptr) pod = PodWord(c, i, end);
  if (pod == nullptr) return false;
  parts.part_of_day = pod;
  return true;
}

// "aujourd'hui", "demain", "samedi prochain", "le 3 décembre", "ce soir", "tomorrow", ...
bool TryDate(const Context& c, size_t i, bool after_article, Parts& parts, size_t& end) {
  if (i >= c.tokens.size()) return false;
  if (TryRelative(c, i, parts, end)) return true;
  const std::string& w = c.tokens[i].word;
  if (c.french()) {
    if (w == "aujourdhui" || (w == "aujourd" && c.Is(i + 1, "hui"))) {
      parts.days = c.today;
      end = i + (w == "aujourdhui" ? 1 : 2);
      return true;
    }
    if (w == "demain") {
      parts.days = c.today + 1;
      end = i + 1;
      return true;
    }
    if (w == "apres" && c.Is(i + 1, "demain")) {
      parts.days = c.today + 2;
      end = i + 2;
      return true;
    }
    if (w == "ce" || w == "cet" || w == "cette") {
      size_t pod_end;
      if (const char* pod = PodWord(c, i + 1, pod_end)) {
        parts.days = c.today;
        parts.part_of_day = pod;
        end = pod_end;
        return true;
      }
      int weekday = i + 1 < c.tokens.size() ? Weekday(c.tokens[i + 1].word, c.language) : -1;
      if (weekday >= 0) {
        parts.days = NextWeekday(c, weekday);
        end = i + 2;
        return true;
      }
      return false;
    }
  } else {
    if (w == "today") {
      parts.days = c.today;
      end = i + 1;
      return true;
    }
    if (w == "tomorrow") {
      parts.days = c.today + 1;
      end = i + 1;
      return true;
    }
    size_t j = c.Is(i, "the") ? i + 1 : i;
    if (c.Is(j, "day") && c.Is(j + 1, "after") && c.Is(j + 2, "tomorrow")) {
      parts.days = c.today + 2;
      end = j + 3;
      return true;
    }
    if (w == "tonight") {
      parts.days = c.today;
      parts.part_of_day = "evening";
      end = i + 1;
      return true;
    }
    if (w == "this") {
      size_t pod_end;
      if (const char* pod = PodWord(c, i + 1, pod_end)) {
        parts.days = c.today;
        parts.part_of_day = pod;
        end = pod_end;
        return true;
      }
    }
    if ((w == "next" || w == "this" || w == "coming") && i + 1 < c.tokens.size()) {
      int weekday = Weekday(c.tokens[i + 1].word, c.language);
      if (weekday >= 0) {
        parts.days = NextWeekday(c, weekday);
        end = i + 2;
        return true;
      }
      if (w == "next" && c.Is(i + 1, "week")) return false;
    }
  }
  int weekday = Weekday(w, c.language);
  if (weekday >= 0) {
    parts.days = NextWeekday(c, weekday);
    end = i + 1;
    if (c.french() && (c.Is(end, "prochain") || c.Is(end, "prochaine"))) ++end;
    if (c.french() && c.Is(end, "qui") && c.Is(end + 1, "vient")) end += 2;
    if (c.french() && c.Is(end, "en") && c.Is(end + 1, "huit")) {
      *parts.days += 7;
      end += 2;
    }
    // "samedi 5 décembre": the explicit date wins.
    Parts explicit_parts;
    size_t explicit_end;
    if (TryDate(c, end, false, explicit_parts, explicit_end) && explicit_parts.days &&
        Weekday(c.tokens[end].word, c.language) < 0) {
      parts.days = explicit_parts.days;
      end = explicit_end;
    }
    return true;
  }
  // English "december 3rd"
  if (!c.french()) {
    int month = Month(w, c.language);
    if (month > 0) {
      std::optional<NumberMatch> day = DayOfMonth(c, i + 1);
      if (!day) return false;
      size_t e = day->end;
      size_t year_end;
      std::optional<int> year = Year(c, e, year_end);
      auto days = ResolveDayMonth(c, static_cast<int>(day->value), month, year.value_or(0));
      if (!days) return false;
      parts.days = days;
      end = year ? year_end : e;
      return true;
    }
  }
  // "le 3 décembre", "3 décembre", "the 3rd of december", "le 12"
  size_t j = i;
  bool article = after_article;
  if (c.french() ? c.Is(j, "le") : c.Is(j, "the")) {
    article = true;
    ++j;
  }
  std::optional<NumberMatch> day = DayOfMonth(c, j);
  if (!day) return false;
  size_t e = day->end;
  if (!c.french() && c.Is(e, "of")) ++e;
  int month = e < c.tokens.size() ? Month(c.tokens[e].word, c.language) : 0;
  if (month > 0) {
    size_t year_end;
    std::optional<int> year = Year(c, e + 1, year_end);
    auto days = ResolveDayMonth(c, static_cast<int>(day->value), month, year.value_or(0));
    if (!days) return false;
    parts.days = days;
    end = year ? year_end : e + 1;
    return true;
  }
  // A day alone needs its article ("le 12", "the 12th") or an ordinal suffix, or "3 kilos"
  // would read as a date.
  bool ordinal = day->end > j + 1 || !IsDigitWord(c.tokens[j].word);
  if (!article || (!c.french() && !ordinal && !after_article)) return false;
  if (c.french() && !article) return false;
  auto days = ResolveDayOnly(c, static_cast<int>(day->value));
  if (!days) return false;
  parts.days = days;
  end = day->end;
  return true;
}

int MinutesAfterHour(const Context& c, size_t i, size_t& end) {
  end = i;
  if (c.french()) {
    if (c.Is(i, "et") && (c.Is(i + 1, "demie") || c.Is(i + 1, "demi"))) {
      end = i + 2;
      return 30;
    }
    if (c.Is(i, "et") && c.Is(i + 1, "quart")) {
      end = i + 2;
      return 15;
    }
    if (c.Is(i, "moins") && c.Is(i + 1, "le") && c.Is(i + 2, "quart")) {
      end = i + 3;
      return -15;
    }
    if (c.Is(i, "moins") && c.Is(i + 1, "quart")) {
      end = i + 2;
      return -15;
    }
  }
  std::optional<NumberMatch> minutes = ParseNumber(c.tokens, i, c.language);
  if (minutes && minutes->value >= 0 && minutes->value < 60 &&
      minutes->value == std::floor(minutes->value)) {
    end = minutes->end;
    if (c.french() && (c.Is(end, "minute") || c.Is(end, "minutes"))) ++end;
    return static_cast<int>(minutes->value);
  }
  return 0;
}

// "à 18 heures", "18h30", "midi", "6 pm", "6:30", "noon", "half past six".
bool TryTime(const Context& c, size_t i, bool after_connector, Parts& parts, size_t& end) {
  if (i >= c.tokens.size()) return false;
  if (c.french() ? c.Is(i, "midi") : (c.Is(i, "noon") || c.Is(i, "midday"))) {
    parts.hour = 12;
    parts.minute = 0;
    end = i + 1;
    if (c.french()) {  // "midi et demi", "midi moins le quart", "midi trente"
      parts.minute = MinutesAfterHour(c, i + 1, end);
      if (parts.minute < 0) {
        parts.hour = 11;
        parts.minute += 60;
      }
    }
    return true;
  }
  if (c.french() ? c.Is(i, "minuit") : c.Is(i, "midnight")) {
    parts.hour = 0;
    parts.minute = 0;
    end = i + 1;
    return true;
  }
  if (!c.french()) {
    // "half past six", "quarter past six", "quarter to seven"
    size_t j = c.Is(i, "a") ? i + 1 : i;
    int offset = 0;
    size_t k = 0;
    if (c.Is(j, "half") && c.Is(j + 1, "past")) {
      offset = 30;
      k = j + 2;
    } else if (c.Is(j, "quarter") && c.Is(j + 1, "past")) {
      offset = 15;
      k = j + 2;
    } else if (c.Is(j, "quarter") && c.Is(j + 1, "to")) {
      offset = -15;
      k = j + 2;
    }
    if (k != 0) {
      std::optional<NumberMatch> hour = ParseNumber(c.tokens, k, c.language);
      if (!hour || hour->value < 1 || hour->value > 12) return false;
      int h = static_cast<int>(hour->value);
      if (offset < 0) {
        h -= 1;
        offset += 60;
      }
      parts.hour = h;
      parts.minute = offset;
      end = hour->end;
      size_t e = end;
      if (c.Is(e, "pm") || (c.Is(e, "p") && c.Is(e + 1, "m"))) {
        if (parts.hour < 12) parts.hour += 12;
        end = c.Is(e, "pm") ? e + 1 : e + 2;
      } else if (c.Is(e, "am") || (c.Is(e, "a") && c.Is(e + 1, "m"))) {
        end = c.Is(e, "am") ? e + 1 : e + 2;
      } else if (parts.hour >= 1 && parts.hour <= 7) {
        parts.hour += 12;
      }
      return true;
    }
  }
  std::optional<NumberMatch> hour = ParseNumber(c.tokens, i, c.language);
  if (!hour || hour->value < 0 || hour->value > 24 || hour->value != std::floor(hour->value))
    return false;
  int h = static_cast<int>(hour->value) % 24;
  size_t e = hour->end;
  int minute = 0;
  bool marked = false;
  if (c.Is(e, "h") || c.Is(e, "heure") || c.Is(e, "heures") || c.Is(e, "hours") ||
      c.Is(e, "hour")) {
    marked = true;
    ++e;
    minute = MinutesAfterHour(c, e, e);
    if (minute < 0) {
      h = (h + 23) % 24;
      minute += 60;
    }
    if (c.Is(e, "pile")) ++e;
  }
  if (!c.french()) {
    if (!marked) {
      // "six thirty pm": a second number as minutes only before am/pm or after "at".
      std::optional<NumberMatch> minutes = ParseNumber(c.tokens, e, c.language);
      if (minutes && minutes->value >= 0 && minutes->value < 60 && h <= 12) {
        size_t after = minutes->end;
        bool ampm = c.Is(after, "am") || c.Is(after, "pm") || c.Is(after, "a") || c.Is(after, "p");
        if (ampm || after_connector) {
          minute = static_cast<int>(minutes->value);
          e = after;
          marked = true;
        }
      }
    }
    bool pm = c.Is(e, "pm") || (c.Is(e, "p") && c.Is(e + 1, "m"));
    bool am = c.Is(e, "am") || (c.Is(e, "a") && c.Is(e + 1, "m"));
    if (pm || am) {
      if (h < 1 || h > 12) return false;
      e += c.Is(e, "pm") || c.Is(e, "am") ? 1 : 2;
      if (pm && h < 12) h += 12;
      if (am && h == 12) h = 0;
      marked = true;
    } else if (c.Is(e, "oclock") || (c.Is(e, "o") && c.Is(e + 1, "clock"))) {
      e += c.Is(e, "oclock") ? 1 : 2;
      if (h >= 1 && h <= 7) h += 12;  // "at five o'clock": shops are closed at 5 am
      marked = true;
    } else if (!marked && after_connector && h >= 1 && h <= 12) {
      if (h <= 7) h += 12;  // "at six": 18:00, see docs/NLU.md
      marked = true;
    } else if (marked && h >= 1 && h <= 7 && !c.Is(e, "in")) {
      // "6:30" with no am/pm: the afternoon, as for the bare hour.
      h += 12;
    }
  }
  if (!marked) return false;
  parts.hour = h;
  parts.minute = minute;
  end = e;
  return true;
}

bool IsConnector(const Context& c, size_t i) {
  if (i >= c.tokens.size()) return false;
  const std::string& w = c.tokens[i].word;
  if (c.french())
    return w == "a" || w == "vers" || w == "pour" || w == "le" || w == "des" || w == "avant" ||
           w == "entre" || w == "sur";
  return w == "at" || w == "around" || w == "by" || w == "on" || w == "for" || w == "before" ||
         w == "about";
}

}  // namespace

std::optional<WhenMatch> ParseWhen(const std::vector<Token>& tokens, size_t begin,
                                   Language language, int64_t now_seconds) {
  if (begin >= tokens.size()) return std::nullopt;
  LocalTime local = ToParis(now_seconds);
  Context c{tokens, language, now_seconds, local, DaysFromCivil(local.date)};
  Parts parts;
  size_t position = begin;
  bool any = false;
  for (int round = 0; round < 4 && position < tokens.size(); ++round) {
    bool progressed = false;
    for (int skip = 0; skip <= 1 && !progressed; ++skip) {
      size_t j = position;
      if (skip == 1) {
        if (!IsConnector(c, j)) break;
        ++j;
      }
      bool after_connector = skip == 1;
      size_t end = j;
      Parts trial = parts;
      if (!parts.days && !parts.absolute &&
          TryDate(c, j, after_connector && tokens[position].word == "le", trial, end)) {
        progressed = true;
      } else if (parts.hour < 0 && !parts.absolute &&
                 (trial = parts, TryTime(c, j, after_connector, trial, end))) {
        progressed = true;
      } else if (parts.part_of_day.empty() && (trial = parts, TryPartOfDay(c, j, trial, end))) {
        progressed = true;
      }
      if (progressed) {
        parts = trial;
        position = end;
        any = true;
      }
    }
    if (!progressed) break;
  }
  if (!any) return std::nullopt;
  WhenMatch match;
  match.end = position;
  if (parts.absolute) {
    LocalTime at = ToParis(*parts.absolute);
    match.date = FormatDate(at.date);
    match.time = FormatTime(at.hour, at.minute);
    return match;
  }
  if (parts.days) match.date = FormatDate(CivilFromDays(*parts.days));
  if (parts.hour >= 0) {
    int hour = parts.hour;
    if ((parts.part_of_day == "afternoon" || parts.part_of_day == "evening") && hour < 12)
      hour += 12;
    if (parts.part_of_day == "morning" && hour == 12) hour = 0;
    match.time = FormatTime(hour, parts.minute);
  } else {
    match.part_of_day = parts.part_of_day;
  }
  return match;
}

}  // namespace chariot::nlu
