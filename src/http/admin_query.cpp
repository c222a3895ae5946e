#include "http/admin_query.h"

#include <ctime>

namespace chariot::http {
namespace {

bool AllDigits(const std::string& s) {
  if (s.empty() || s.size() > 12) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Days from 1970-01-01 to y-m-d (proleptic Gregorian), from Howard Hinnant's days_from_civil.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool IsToken(const std::string& s) {
  if (s.size() > 32) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Result<int64_t> ParseTimeBound(const std::string& text, bool end_of_day) {
  if (AllDigits(text)) return static_cast<int64_t>(std::stoll(text));
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char tail = 0;
  if (text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &mo, &d, &tail) == 3) {
    if (y >= 1970 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
      return (DaysFromCivil(y, mo, d) + (end_of_day ? 1 : 0)) * 86400;
    }
  } else if (text.size() == 20 && text[10] == 'T' && text[19] == 'Z' &&
             std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) == 6) {
    if (y >= 1970 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 &&
        s < 61 && h >= 0 && mi >= 0 && s >= 0) {
      return DaysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
    }
  }
  return Status::InvalidArgument("a time must be Unix seconds, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
}

Result<store::SurveyFilter> ParseSurveyFilter(const httplib::Request& req) {
  store::SurveyFilter filter;
  if (req.has_param("from")) {
    auto from = ParseTimeBound(req.get_param_value("from"), false);
    if (!from.ok()) return Status::InvalidArgument("'from': " + from.status().message());
    filter.from = *from;
  }
  if (req.has_param("to")) {
    auto to = ParseTimeBound(req.get_param_value("to"), true);
    if (!to.ok()) return Status::InvalidArgument("'to': " + to.status().message());
    filter.to = *to;
  }
  struct Field {
    const char* name;
    std::string* target;
  } fields[] = {{"flow", &filter.flow},
                {"channel", &filter.channel},
                {"locale", &filter.locale},
                {"kind", &filter.kind},
                {"outcome", &filter.outcome}};
  for (const Field& field : fields) {
    if (!req.has_param(field.name)) continue;
    std::string value = req.get_param_value(field.name);
    if (!IsToken(value)) {
      return Status::InvalidArgument(std::string("'") + field.name +
                                     "' must be up to 32 of A-Z a-z 0-9 _ - .");
    }
    *field.target = value;
  }
  if (req.has_param("detractors")) {
    std::string v = req.get_param_value("detractors");
    if (v != "0" && v != "1" && v != "true" && v != "false") {
      return Status::InvalidArgument("'detractors' must be 1 or 0");
    }
    filter.detractors_only = v == "1" || v == "true";
  }
  return filter;
}

Result<int> ParseLimit(const httplib::Request& req, int fallback, int max) {
  if (!req.has_param("limit")) return fallback;
  std::string v = req.get_param_value("limit");
  if (!AllDigits(v) || v.size() > 7 || std::stoi(v) < 1 || std::stoi(v) > max) {
    return Status::InvalidArgument("'limit' must be 1.." + std::to_string(max));
  }
  return std::stoi(v);
}

Result<int> ParseOffset(const httplib::Request& req) {
  if (!req.has_param("offset")) return 0;
  std::string v = req.get_param_value("offset");
  if (!AllDigits(v) || v.size() > 9) return Status::InvalidArgument("'offset' must be 0 or more");
  return std::stoi(v);
}

std::string IsoTime(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace chariot::http
