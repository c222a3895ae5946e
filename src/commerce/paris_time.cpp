#include "commerce/paris_time.h"

namespace chariot::commerce {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Unix seconds of the last Sunday of month at 01:00 UTC.
int64_t LastSundayOneUtc(int year, int month) {
  int next_year = month == 12 ? year + 1 : year;
  int next_month = month == 12 ? 1 : month + 1;
  int64_t last_day = DaysFromCivil(next_year, next_month, 1) - 1;
  int64_t weekday = ((last_day + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday (4)
  return (last_day - weekday) * 86400 + 3600;
}

int OffsetSeconds(int64_t unix_seconds) {
  int year, month, day;
  CivilFromDays(FloorDiv(unix_seconds, 86400), year, month, day);
  bool summer =
      unix_seconds >= LastSundayOneUtc(year, 3) && unix_seconds < LastSundayOneUtc(year, 10);
  return summer ? 7200 : 3600;
}

}  // namespace

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

CivilTime ToParisTime(int64_t unix_seconds) {
  int64_t local = unix_seconds + OffsetSeconds(unix_seconds);
  int64_t days = FloorDiv(local, 86400);
  int64_t seconds = local - days * 86400;
  CivilTime t;
  CivilFromDays(days, t.year, t.month, t.day);
  t.weekday = static_cast<int>(((days + 4) % 7 + 7) % 7);
  t.hour = static_cast<int>(seconds / 3600);
  t.minute = static_cast<int>((seconds % 3600) / 60);
  return t;
}

int64_t FromParisTime(int year, int month, int day, int hour, int minute) {
  int64_t local = DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60;
  // Try winter then summer offset; keep the first that maps back to the same local time.
  for (int offset : {7200, 3600}) {
    int64_t candidate = local - offset;
    if (OffsetSeconds(candidate) == offset) return candidate;
  }
  return local - 3600;
}

}  // namespace chariot::commerce
