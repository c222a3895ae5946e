// Small cryptographic helpers shared by the platform adapters, on OpenSSL 3.
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chariot::platforms {

// Standard base64 (RFC 4648, with padding); whitespace inside is skipped. nullopt when the input
// holds any other character or a bad length.
std::optional<std::string> Base64Decode(std::string_view text);
std::string Base64Encode(std::string_view bytes);

std::string Sha256Hex(std::string_view bytes);
// Base64 of HMAC-SHA1(key, message), the X-Twilio-Signature form.
std::string HmacSha1Base64(std::string_view key, std::string_view message);

// Compares in time that depends only on the lengths, never on where the first difference is.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace chariot::platforms
