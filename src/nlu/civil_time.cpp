#include "nlu/civil_time.h"

#include <cstdio>

namespace chariot::nlu {
namespace {

bool ParseInt(std::string_view text, size_t& pos, int digits, int& out) {
  if (pos + digits > text.size()) return false;
  int value = 0;
  for (int i = 0; i < digits; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += digits;
  out = value;
  return true;
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int64_t DaysFromCivil(const CivilDate& date) {
  int y = date.year - (date.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (date.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int WeekdayOfDays(int64_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int64_t w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 30;
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

CivilDate AddDays(const CivilDate& date, int64_t days) {
  return CivilFromDays(DaysFromCivil(date) + days);
}

int ParisUtcOffset(int64_t utc_seconds) {
  int64_t days = utc_seconds >= 0 ? utc_seconds / 86400 : (utc_seconds - 86399) / 86400;
  int year = CivilFromDays(days).year;
  auto sunday = [year](int month) {
    int64_t last = DaysFromCivil({year, month, DaysInMonth(year, month)});
    int weekday = WeekdayOfDays(last);  // 6 = Sunday
    return last - ((weekday + 1) % 7);
  };
  int64_t start = sunday(3) * 86400 + 3600;  // 01:00 UTC
  int64_t end = sunday(10) * 86400 + 3600;
  return (utc_seconds >= start && utc_seconds < end) ? 7200 : 3600;
}

LocalTime ToParis(int64_t utc_seconds) {
  LocalTime local;
  local.utc_offset_seconds = ParisUtcOffset(utc_seconds);
  int64_t t = utc_seconds + local.utc_offset_seconds;
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t rest = t - days * 86400;
  local.date = CivilFromDays(days);
  local.hour = static_cast<int>(rest / 3600);
  local.minute = static_cast<int>(rest % 3600 / 60);
  local.second = static_cast<int>(rest % 60);
  local.weekday = WeekdayOfDays(days);
  return local;
}

std::string FormatDate(const CivilDate& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string FormatTime(int hour, int minute) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", hour, minute);
  return buffer;
}

std::optional<int64_t> ParseIso8601(std::string_view text) {
  if (text.empty() || text.size() > 40) return std::nullopt;
  bool all_digits = true;
  for (char c : text)
    if (c < '0' || c > '9') all_digits = false;
  if (all_digits) {
    if (text.size() > 12) return std::nullopt;
    int64_t value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    return value;
  }
  size_t pos = 0;
  CivilDate date;
  if (!ParseInt(text, pos, 4, date.year) || pos >= text.size() || text[pos++] != '-' ||
      !ParseInt(text, pos, 2, date.month) || pos >= text.size() || text[pos++] != '-' ||
      !ParseInt(text, pos, 2, date.day))
    return std::nullopt;
  if (date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > DaysInMonth(date.year, date.month))
    return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
    ++pos;
    if (!ParseInt(text, pos, 2, hour) || pos >= text.size() || text[pos++] != ':' ||
        !ParseInt(text, pos, 2, minute))
      return std::nullopt;
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!ParseInt(text, pos, 2, second)) return std::nullopt;
      if (pos < text.size() && text[pos] == '.') {
        ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      }
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  }
  int64_t local = DaysFromCivil(date) * 86400 + hour * 3600 + minute * 60 + second;
  if (pos == text.size()) {
    // Paris wall time: try the winter offset, then check which offset that instant really has.
    int64_t guess = local - 3600;
    int offset = ParisUtcOffset(guess);
    if (offset != 3600) guess = local - offset;
    return guess;
  }
  if (text[pos] == 'Z' && pos + 1 == text.size()) return local;
  if (text[pos] == '+' || text[pos] == '-') {
    int sign = text[pos] == '+' ? 1 : -1;
    ++pos;
    int oh = 0, om = 0;
    if (!ParseInt(text, pos, 2, oh)) return std::nullopt;
    if (pos < text.size() && text[pos] == ':') ++pos;
    if (pos < text.size() && !ParseInt(text, pos, 2, om)) return std::nullopt;
    if (pos != text.size() || oh > 14 || om > 59) return std::nullopt;
    return local - sign * (oh * 3600 + om * 60);
  }
  return std::nullopt;
}

}  // namespace chariot::nlu
