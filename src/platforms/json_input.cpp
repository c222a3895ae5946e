#include "platforms/json_input.h"

namespace chariot::platforms {
namespace {

struct TooDeep {};

}  // namespace

Result<nlohmann::json> ParseJsonObject(std::string_view body, JsonLimits limits) {
  if (body.size() > limits.max_bytes) return Status::TooLarge("The request body is too large.");
  const int max_depth = limits.max_depth;
  auto callback = [max_depth](int depth, nlohmann::json::parse_event_t event,
                              nlohmann::json&) -> bool {
    if ((event == nlohmann::json::parse_event_t::object_start ||
         event == nlohmann::json::parse_event_t::array_start) &&
        depth >= max_depth) {
      throw TooDeep{};
    }
    return true;
  };
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(body.begin(), body.end(), callback, /*allow_exceptions=*/true);
  } catch (const TooDeep&) {
    return Status::TooLarge("The request body is nested too deeply.");
  } catch (const nlohmann::json::exception&) {
    return Status::InvalidArgument("The request body is not valid JSON.");
  }
  if (!document.is_object())
    return Status::InvalidArgument("The request body is not a JSON object.");
  return document;
}

const nlohmann::json* Find(const nlohmann::json& root, std::initializer_list<const char*> path) {
  const nlohmann::json* node = &root;
  for (const char* name : path) {
    if (!node->is_object()) return nullptr;
    auto it = node->find(name);
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node;
}

std::string GetString(const nlohmann::json& root, std::initializer_list<const char*> path,
                      std::string fallback) {
  const nlohmann::json* node = Find(root, path);
  if (node == nullptr || !node->is_string()) return fallback;
  return node->get<std::string>();
}

bool GetBool(const nlohmann::json& root, std::initializer_list<const char*> path, bool fallback) {
  const nlohmann::json* node = Find(root, path);
  if (node == nullptr || !node->is_boolean()) return fallback;
  return node->get<bool>();
}

}  // namespace chariot::platforms
