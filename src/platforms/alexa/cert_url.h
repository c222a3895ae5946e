// The rules Amazon sets for the SignatureCertChainUrl header of an Alexa request.
//
// From "Host a custom skill as a web service" (Amazon, "Verify the signature certificate URL"):
// scheme https (any case), host s3.amazonaws.com (any case), port 443 when one is given, and a
// path that starts with /echo.api/ (exact case) once "." and ".." segments are resolved.
// Stricter than the text on purpose: user info, query, fragment, percent escapes, backslashes
// and control characters are refused, so the URL we fetch is the URL we checked.
//
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace chariot::platforms::alexa {

struct CertUrl {
  std::string host;  // "s3.amazonaws.com"
  std::string path;  // normalised, e.g. "/echo.api/echo-api-cert-7.pem"
  std::string Normalized() const { return "https://" + host + path; }
};

// The normalised URL, or InvalidArgument saying which rule the URL breaks.
Result<CertUrl> CheckCertUrl(std::string_view url);

}  // namespace chariot::platforms::alexa
