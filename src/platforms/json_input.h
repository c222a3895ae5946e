// Parsing a platform's JSON body with limits, before anything reads it.
//
// Platform bodies are hostile until checked: a size limit and a nesting-depth limit apply while
// parsing (nlohmann accepts any depth by default, and a deep document crashes on copy or dump).
//
// Thread safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/status.h"

namespace chariot::platforms {

struct JsonLimits {
  size_t max_bytes = 256 * 1024;
  int max_depth = 32;
};

// The document; TooLarge over a limit, InvalidArgument when not JSON or not an object.
Result<nlohmann::json> ParseJsonObject(std::string_view body, JsonLimits limits = {});

// Typed reads that never throw: the member as that type, or the fallback when absent or of
// another type. `path` is a list of member names from `root`.
const nlohmann::json* Find(const nlohmann::json& root, std::initializer_list<const char*> path);
std::string GetString(const nlohmann::json& root, std::initializer_list<const char*> path,
                      std::string fallback = {});
bool GetBool(const nlohmann::json& root, std::initializer_list<const char*> path,
             bool fallback = false);

}  // namespace chariot::platforms
