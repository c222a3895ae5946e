#include "support/paris_time.h"

#include <initializer_list>

namespace chariot::support {

int64_t DaysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t days, int& year, int& month, int& day) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(y + (month <= 2));
}

namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// 0 Monday .. 6 Sunday; 1970-01-01 was a Thursday.
int Weekday(int64_t day_number) { return static_cast<int>(((day_number % 7) + 7 + 3) % 7); }

// Day number of the last Sunday of a month.
int64_t LastSunday(int year, int month) {
  int next_year = month == 12 ? year + 1 : year;
  int next_month = month == 12 ? 1 : month + 1;
  int64_t last = DaysFromCivil(next_year, next_month, 1) - 1;
  return last - (Weekday(last) + 1) % 7;
}

}  // namespace

int ParisOffsetSeconds(int64_t utc_seconds) {
  int64_t days = FloorDiv(utc_seconds, 86400);
  int year, month, day;
  CivilFromDays(days, year, month, day);
  const int64_t start = LastSunday(year, 3) * 86400 + 3600;
  const int64_t end = LastSunday(year, 10) * 86400 + 3600;
  return utc_seconds >= start && utc_seconds < end ? 7200 : 3600;
}

LocalTime ToParis(int64_t utc_seconds) {
  const int64_t local = utc_seconds + ParisOffsetSeconds(utc_seconds);
  LocalTime t;
  t.day_number = FloorDiv(local, 86400);
  CivilFromDays(t.day_number, t.year, t.month, t.day);
  const int64_t second_of_day = local - t.day_number * 86400;
  t.hour = static_cast<int>(second_of_day / 3600);
  t.minute = static_cast<int>((second_of_day % 3600) / 60);
  t.weekday = Weekday(t.day_number);
  return t;
}

int64_t FromParis(int64_t day_number, int minute_of_day) {
  const int64_t wall = day_number * 86400 + static_cast<int64_t>(minute_of_day) * 60;
  for (int offset : {7200, 3600}) {
    if (ParisOffsetSeconds(wall - offset) == offset) return wall - offset;
  }
  return wall - 3600;
}

}  // namespace chariot::support
