#include "http/json_body.h"

namespace chariot::http {

bool JsonTooDeep(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

Result<nlohmann::json> ParseJson(std::string_view text, int max_depth) {
  if (JsonTooDeep(text, max_depth)) {
    return Status::InvalidArgument("the JSON body is nested deeper than " +
                                   std::to_string(max_depth) + " levels");
  }
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::InvalidArgument("the body is not valid JSON");
  return doc;
}

Result<nlohmann::json> ParseJsonBody(const httplib::Request& req) {
  auto doc = ParseJson(req.body);
  if (!doc.ok()) return doc;
  if (!doc->is_object()) return Status::InvalidArgument("the body must be a JSON object");
  return doc;
}

Result<std::string> OptionalString(const nlohmann::json& body, const char* field,
                                   size_t max_bytes) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::string();
  if (!it->is_string())
    return Status::InvalidArgument(std::string("'") + field + "' must be a string");
  const auto& value = it->get_ref<const std::string&>();
  if (value.size() > max_bytes) {
    return Status::InvalidArgument(std::string("'") + field + "' is longer than " +
                                   std::to_string(max_bytes) + " bytes");
  }
  return value;
}

Result<std::string> RequiredString(const nlohmann::json& body, const char* field,
                                   size_t max_bytes) {
  auto value = OptionalString(body, field, max_bytes);
  if (value.ok() && value->empty()) {
    return Status::InvalidArgument(std::string("'") + field + "' is required");
  }
  return value;
}

}  // namespace chariot::http
