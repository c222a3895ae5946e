#include "http/admin_auth.h"

#include <catch2/catch.hpp>

using namespace chariot::http;

TEST_CASE("Admin cookies prove a login without carrying the token", "[feedback][admin][auth]") {
  const std::string token = "admin-token";
  const int64_t now = 1764000000;
  std::string cookie = MakeAdminCookie(token, now);
  CHECK(cookie.find(token) == std::string::npos);
  CHECK(AdminCookieValid(token, cookie, now));
  CHECK(AdminCookieValid(token, cookie, now + kAdminSessionSeconds - 1));
  CHECK_FALSE(AdminCookieValid(token, cookie, now + kAdminSessionSeconds));  // expired
  CHECK_FALSE(AdminCookieValid("rotated-token", cookie, now));
  std::string later = std::to_string(now + 10 * kAdminSessionSeconds);
  CHECK_FALSE(
      AdminCookieValid(token, later + cookie.substr(cookie.find('.')), now));  // forged expiry
  CHECK_FALSE(AdminCookieValid(token, "", now));
  CHECK_FALSE(AdminCookieValid(token, "9999999999999999999.ab", now));  // no overflow
  CHECK_FALSE(AdminCookieValid(token, "abc.def", now));
  CHECK_FALSE(AdminCookieValid(token, std::string(5000, '1'), now));
  CHECK_FALSE(AdminCookieValid("", cookie, now));
  CHECK(CsrfTokenFor(token, cookie) != CsrfTokenFor(token, MakeAdminCookie(token, now + 1)));
}

TEST_CASE("Admin cookie is read from among other cookies", "[feedback][admin][auth]") {
  httplib::Request req;
  req.headers.emplace("Cookie", "theme=dark; chariot_admin=123.abc; other=1");
  CHECK(AdminCookieOf(req) == "123.abc");
  httplib::Request none;
  none.headers.emplace("Cookie", "xchariot_admin=1");
  CHECK(AdminCookieOf(none).empty());
  CHECK(AdminSetCookieHeader("v", true).find("; Secure") != std::string::npos);
  CHECK(AdminSetCookieHeader("", false).find("Max-Age=0") != std::string::npos);
}
