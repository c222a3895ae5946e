// Reading the admin API's query parameters and formatting its values.
//
// Thread safety: pure functions.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <string>

#include "core/status.h"
#include "store/survey_store.h"

namespace chariot::http {

// A time bound: Unix seconds ("1764000000"), a day ("2026-11-24", UTC midnight) or a UTC
// instant ("2026-11-24T10:30:00Z"). `end_of_day`: a bare day as `to` means the end of that
// day, so from=to=2026-11-24 is that whole day.
Result<int64_t> ParseTimeBound(const std::string& text, bool end_of_day);

// from, to, flow, channel, locale (and kind, outcome, detractors=1) into a filter. Values are
// checked: InvalidArgument names the parameter.
Result<store::SurveyFilter> ParseSurveyFilter(const httplib::Request& req);

// limit (1..max, default fallback) and offset (>= 0, default 0).
Result<int> ParseLimit(const httplib::Request& req, int fallback, int max);
Result<int> ParseOffset(const httplib::Request& req);

// "2026-11-24T10:30:00Z"
std::string IsoTime(int64_t seconds);

}  // namespace chariot::http
