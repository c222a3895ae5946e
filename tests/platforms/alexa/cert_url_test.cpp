#include "platforms/alexa/cert_url.h"

#include <catch2/catch.hpp>

namespace chariot::platforms::alexa {
namespace {

TEST_CASE("Certificate URLs Amazon lists as valid are accepted and normalised",
          "[platforms][alexa]") {
  struct Case {
    const char* url;
    const char* normalized;
  };
  for (const Case& c : {
           Case{"https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
                "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"},
           Case{"https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
                "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"},
           Case{"https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
                "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"},
           Case{"HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert-7.pem",
                "https://s3.amazonaws.com/echo.api/echo-api-cert-7.pem"},
           Case{"https://s3.amazonaws.com/invalid/../echo.api/./cert.pem",
                "https://s3.amazonaws.com/echo.api/cert.pem"},
       }) {
    INFO(c.url);
    auto result = CheckCertUrl(c.url);
    REQUIRE(result.ok());
    CHECK(result->Normalized() == c.normalized);
  }
}

TEST_CASE("Certificate URLs that break a rule are refused", "[platforms][alexa]") {
  for (const char* url : {
           "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",         // scheme
           "https://notamazon.com/echo.api/echo-api-cert.pem",           // host
           "https://s3.amazonaws.com.evil.example/echo.api/cert.pem",    // host suffix
           "https://evil.example/s3.amazonaws.com/echo.api/cert.pem",    // host
           "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",        // path case
           "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",    // path
           "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",    // port
           "https://s3.amazonaws.com:/echo.api/echo-api-cert.pem",       // empty port
           "https://s3.amazonaws.com/echo.api/../invalid/cert.pem",      // escapes /echo.api/
           "https://s3.amazonaws.com/echo.api/%2e%2e/invalid/cert.pem",  // escapes
           "https://user@s3.amazonaws.com/echo.api/cert.pem",            // user info
           "https://s3.amazonaws.com/echo.api/cert.pem?x=1",             // query
           "https://s3.amazonaws.com/echo.api\\cert.pem",                // backslash
           "https://s3.amazonaws.com/echo.api",                          // no slash after
           "https://s3.amazonaws.com",                                   // no path
           "s3.amazonaws.com/echo.api/cert.pem",                         // no scheme
           "",
       }) {
    INFO(url);
    CHECK_FALSE(CheckCertUrl(url).ok());
  }
}

}  // namespace
}  // namespace chariot::platforms::alexa
