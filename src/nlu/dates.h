// Dates and times as said, resolved in Europe/Paris against an injected clock.
//
// French: "aujourd'hui", "demain", "après-demain", "samedi", "samedi prochain", "le 3
// décembre", "le premier mars", "le 12", "dans trois jours", "ce soir", "demain matin", "dans
// une heure", "dans une demi-heure", "à 18 heures", "18h30", "dix-huit heures trente", "midi",
// "midi et demi", "minuit", "à 6 heures du soir", "vers 3 heures de l'après-midi".
// English: "today", "tomorrow", "the day after tomorrow", "saturday", "next saturday",
// "december 3rd", "the 3rd of december", "in three days", "tonight", "tomorrow morning", "in an
// hour", "at 6 pm", "6:30", "noon", "midnight", "at 6 in the evening".
//
// Choices (docs/NLU.md): a weekday alone or with "prochain"/"next" is its next occurrence after
// today; a date without a year that has passed this year is next year's; "le 12" is this
// month's 12th, or next month's when it has passed. A time with a part of the day ("6 heures
// du soir") becomes 18:00 and no part_of_day is given; a part of the day alone gives
// part_of_day ("ce soir": today and evening). "dans une heure" gives the date and time an hour
// from now, across daylight-saving changes.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nlu/text.h"

namespace chariot::nlu {

struct WhenMatch {
  std::string date;         // "2026-11-25" or empty
  std::string time;         // "18:30" or empty
  std::string part_of_day;  // "morning" "afternoon" "evening" or empty
  size_t end = 0;
};

// The longest date/time expression starting at tokens[begin] (a connector such as "à", "le",
// "at", "on" may open it). nullopt when none starts there.
std::optional<WhenMatch> ParseWhen(const std::vector<Token>& tokens, size_t begin,
                                   Language language, int64_t now_seconds);

}  // namespace chariot::nlu
