#include "http/auth.h"

#include "core/ids.h"

namespace chariot::http {

Status CheckBearer(const httplib::Request& req, const std::string& expected) {
  const std::string header = req.get_header_value("Authorization");
  static const std::string kPrefix = "Bearer ";
  if (header.empty()) return Status::Unauthenticated("missing Authorization: Bearer token");
  if (expected.empty() || header.compare(0, kPrefix.size(), kPrefix) != 0 ||
      !ConstantTimeEquals(header.substr(kPrefix.size()), expected)) {
    return Status::Unauthenticated("invalid token");
  }
  return Status::Ok();
}

bool IsValidUserId(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == ':' || c == '@' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace chariot::http
