#include "http/admin_auth.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/ids.h"
#include "http/auth.h"

namespace chariot::http {
namespace {

std::string HmacHex(const std::string& key, const std::string& message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace

std::string MakeAdminCookie(const std::string& admin_token, int64_t now) {
  std::string expiry = std::to_string(now + kAdminSessionSeconds);
  return expiry + "." + HmacHex(admin_token, "admin-session:" + expiry);
}

std::string AdminSetCookieHeader(const std::string& value, bool secure) {
  std::string header = std::string(kAdminCookie) + "=" + value +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                       (value.empty() ? std::string("0") : std::to_string(kAdminSessionSeconds));
  if (secure) header += "; Secure";
  return header;
}

std::string AdminCookieOf(const httplib::Request& req) {
  const std::string header = req.get_header_value("Cookie");
  const std::string name = std::string(kAdminCookie) + "=";
  size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    if (header.compare(pos, name.size(), name) == 0) {
      return header.substr(pos + name.size(), end - pos - name.size());
    }
    pos = end;
  }
  return "";
}

bool AdminCookieValid(const std::string& admin_token, const std::string& cookie, int64_t now) {
  if (admin_token.empty() || cookie.size() > 200) return false;
  size_t dot = cookie.find('.');
  if (dot == std::string::npos || dot == 0 || dot > 12) return false;
  const std::string expiry = cookie.substr(0, dot);
  for (char c : expiry) {
    if (c < '0' || c > '9') return false;
  }
  if (std::stoll(expiry) <= now) return false;
  return ConstantTimeEquals(cookie.substr(dot + 1),
                            HmacHex(admin_token, "admin-session:" + expiry));
}

std::string CsrfTokenFor(const std::string& admin_token, const std::string& cookie) {
  return HmacHex(admin_token, "csrf:" + cookie);
}

AdminAuth AuthenticateAdmin(const httplib::Request& req, const std::string& admin_token,
                            int64_t now) {
  if (req.has_header("Authorization")) {
    return CheckBearer(req, admin_token).ok() ? AdminAuth::kBearer : AdminAuth::kNone;
  }
  return AdminCookieValid(admin_token, AdminCookieOf(req), now) ? AdminAuth::kCookie
                                                                : AdminAuth::kNone;
}

Status AuthorizeAdminChange(const httplib::Request& req, const std::string& admin_token,
                            int64_t now) {
  switch (AuthenticateAdmin(req, admin_token, now)) {
    case AdminAuth::kBearer:
      return Status::Ok();
    case AdminAuth::kNone:
      return Status::Unauthenticated("admin credentials required");
    case AdminAuth::kCookie:
      break;
  }
  const std::string csrf = req.get_header_value("X-CSRF-Token");
  if (csrf.empty() || !ConstantTimeEquals(csrf, CsrfTokenFor(admin_token, AdminCookieOf(req)))) {
    return Status::Forbidden("missing or invalid X-CSRF-Token");
  }
  return Status::Ok();
}

}  // namespace chariot::http
