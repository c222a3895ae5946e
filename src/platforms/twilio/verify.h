// Twilio request validation: the X-Twilio-Signature header.
//
// Twilio signs every webhook with HMAC-SHA1, keyed by the account's auth token, over the full URL
// it requested (scheme, host, path and query string, exactly as configured in Twilio) followed,
// for a form-encoded POST, by every parameter's name and value, sorted by name (then value), with
// no separators; the header holds the base64 digest ("Webhooks security", Twilio docs). Behind a
// proxy the server cannot see that URL, so it is configured (CHARIOT_TWILIO_PUBLIC_URL) and the
// query string of the request is appended to it.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace chariot::platforms::twilio {

using FormParams = std::vector<std::pair<std::string, std::string>>;

// The string Twilio signs for url and params.
std::string SignedPayload(std::string_view url, FormParams params);

// The base64 HMAC-SHA1 Twilio would send for url and params.
std::string ExpectedSignature(std::string_view auth_token, std::string_view url,
                              const FormParams& params);

// OK when signature matches (compared in constant time). Unauthenticated when the token is not
// configured, the header is absent, or it does not match.
Status VerifySignature(std::string_view auth_token, std::string_view url, const FormParams& params,
                       std::string_view signature);

// The URL Twilio signed: the configured public URL plus the query part of the request target
// ("/twilio/voice?session=..."), if any.
std::string SignedUrl(std::string_view public_url, std::string_view request_target);

}  // namespace chariot::platforms::twilio
