// Admin authentication for the dashboard: a signed session cookie and a CSRF token.
//
// The admin token itself never goes into the cookie: after a login with the token, the cookie
// holds "<expiry>.<hex HMAC-SHA256(token, "admin-session:" + expiry)>", so it proves the login
// without revealing the token, stops working at expiry and dies when the token is changed.
// The cookie is HttpOnly, SameSite=Strict and limited to Path=/. Requests that change state
// and authenticate with the cookie must also carry X-CSRF-Token = HMAC(token, "csrf:" + cookie);
// the page gets it from GET /admin/api/session. A Bearer token is not sent by browsers on their
// own, so requests authenticated with it need no CSRF token.
//
// Thread safety: pure functions.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <string>

#include "core/status.h"

namespace chariot::http {

inline constexpr const char* kAdminCookie = "chariot_admin";
inline constexpr int64_t kAdminSessionSeconds = 12 * 3600;

enum class AdminAuth { kNone, kBearer, kCookie };

// A new cookie value valid until now + kAdminSessionSeconds.
std::string MakeAdminCookie(const std::string& admin_token, int64_t now);
// The Set-Cookie header value for a cookie (empty value and Max-Age=0 to log out).
std::string AdminSetCookieHeader(const std::string& value, bool secure);
// The cookie's value in the request's Cookie header, or "".
std::string AdminCookieOf(const httplib::Request& req);
bool AdminCookieValid(const std::string& admin_token, const std::string& cookie, int64_t now);
std::string CsrfTokenFor(const std::string& admin_token, const std::string& cookie);

// How the request is authenticated as admin: a valid Bearer admin token, a valid cookie, or not.
AdminAuth AuthenticateAdmin(const httplib::Request& req, const std::string& admin_token,
                            int64_t now);
// For requests that change state: OK with a Bearer token, or with a cookie and its CSRF token;
// Unauthenticated without credentials; Forbidden with a cookie but no valid CSRF token.
Status AuthorizeAdminChange(const httplib::Request& req, const std::string& admin_token,
                            int64_t now);

}  // namespace chariot::http
