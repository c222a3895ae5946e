// Civil time in Europe/Paris, without tzdata: the EU rule (summer time from the last Sunday of
// March 01:00 UTC to the last Sunday of October 01:00 UTC, UTC+2; UTC+1 otherwise). GCC 12's
// libstdc++ has no std::chrono::zoned_time, so the rule is implemented here; it has been the
// law since 1996 and is what the system's tzdata says for these years.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chariot::nlu {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

struct LocalTime {
  CivilDate date;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int weekday = 4;  // 0 = Monday .. 6 = Sunday
  int utc_offset_seconds = 3600;
};

int64_t DaysFromCivil(const CivilDate& date);  // days since 1970-01-01
CivilDate CivilFromDays(int64_t days);
int WeekdayOfDays(int64_t days);  // 0 = Monday
int DaysInMonth(int year, int month);
CivilDate AddDays(const CivilDate& date, int64_t days);

// Offset of Paris from UTC at that instant: 3600 or 7200.
int ParisUtcOffset(int64_t utc_seconds);
LocalTime ToParis(int64_t utc_seconds);

std::string FormatDate(const CivilDate& date);  // "2026-11-25"
std::string FormatTime(int hour, int minute);   // "18:05"

// Parses "2026-11-24T09:00:00Z", "2026-11-24T10:00:00+01:00", "2026-11-24T10:00" (Paris local),
// "2026-11-24" (Paris midnight) or plain Unix seconds. nullopt when malformed.
std::optional<int64_t> ParseIso8601(std::string_view text);

}  // namespace chariot::nlu
