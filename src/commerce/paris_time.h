// Paris local time: slots and spoken dates live in Europe/Paris, the store clock customers know.
//
// GCC 12's standard library has no time-zone database, so the EU rule is applied directly:
// CET (UTC+1), CEST (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of
// October 01:00 UTC (EU directive 2000/84/EC).
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>

#include "core/spoken.h"

namespace chariot::commerce {

// The Paris civil time of an instant (Unix seconds).
CivilTime ToParisTime(int64_t unix_seconds);
// The instant of a Paris civil time (weekday ignored). In the autumn hour that happens twice,
// the first one; in the spring hour that does not exist, the instant one hour later.
int64_t FromParisTime(int year, int month, int day, int hour, int minute);
// Days since 1970-01-01 of a civil date, and the reverse (Howard Hinnant's algorithms).
int64_t DaysFromCivil(int year, int month, int day);
void CivilFromDays(int64_t days, int& year, int& month, int& day);

}  // namespace chariot::commerce
