// Local time in Europe/Paris, where the advisors work and appointments are spoken.
//
// GCC 12's standard library has no time-zone database, so the EU rule is written out: summer
// time (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC,
// UTC+1 otherwise (Directive 2000/84/EC). Thread safety: pure functions.
#pragma once

#include <cstdint>

namespace chariot::support {

struct LocalTime {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  int hour = 0;
  int minute = 0;
  int weekday = 3;         // 0 Monday .. 6 Sunday
  int64_t day_number = 0;  // days since 1970-01-01 of the local date
};

// Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms).
int64_t DaysFromCivil(int year, int month, int day);
void CivilFromDays(int64_t days, int& year, int& month, int& day);

// The offset of Paris from UTC at that instant, in seconds (3600 or 7200).
int ParisOffsetSeconds(int64_t utc_seconds);
LocalTime ToParis(int64_t utc_seconds);
// The instant of a Paris wall-clock time. In the spring gap the time is read as winter time; in
// the autumn overlap the first (summer) occurrence wins.
int64_t FromParis(int64_t day_number, int minute_of_day);

}  // namespace chariot::support
