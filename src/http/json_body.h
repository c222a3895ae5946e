// Parsing request bodies as JSON with limits checked before the parser builds anything.
//
// nlohmann::json accepts any nesting, and a deeply nested document crashes on copy or
// destruction (recursion), so the nesting depth is counted on the raw bytes first.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/status.h"

namespace chariot::http {

inline constexpr int kMaxJsonDepth = 64;

// True when text nests arrays/objects deeper than max_depth (strings are skipped correctly).
bool JsonTooDeep(std::string_view text, int max_depth = kMaxJsonDepth);

// The parsed document, or InvalidArgument ("the body is not valid JSON", "nested too deep").
Result<nlohmann::json> ParseJson(std::string_view text, int max_depth = kMaxJsonDepth);

// ParseJson on the request body; also requires a JSON object at the top.
Result<nlohmann::json> ParseJsonBody(const httplib::Request& req);

// Reads an optional string field; InvalidArgument when present with another type or longer than
// max_bytes. Returns "" when absent.
Result<std::string> OptionalString(const nlohmann::json& body, const char* field, size_t max_bytes);
// Same, but the field must be present and non-empty.
Result<std::string> RequiredString(const nlohmann::json& body, const char* field, size_t max_bytes);

}  // namespace chariot::http
