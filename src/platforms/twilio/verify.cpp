#include "platforms/twilio/verify.h"

#include <algorithm>

#include "platforms/crypto.h"

namespace chariot::platforms::twilio {

std::string SignedPayload(std::string_view url, FormParams params) {
  std::sort(params.begin(), params.end());
  std::string payload(url);
  for (const auto& [name, value] : params) {
    payload += name;
    payload += value;
  }
  return payload;
}

std::string ExpectedSignature(std::string_view auth_token, std::string_view url,
                              const FormParams& params) {
  return HmacSha1Base64(auth_token, SignedPayload(url, params));
}

Status VerifySignature(std::string_view auth_token, std::string_view url, const FormParams& params,
                       std::string_view signature) {
  if (auth_token.empty())
    return Status::Unauthenticated("Twilio is not configured on this server.");
  if (signature.empty())
    return Status::Unauthenticated("The X-Twilio-Signature header is missing.");
  if (!ConstantTimeEquals(ExpectedSignature(auth_token, url, params), signature)) {
    return Status::Unauthenticated("The X-Twilio-Signature does not match.");
  }
  return Status::Ok();
}

std::string SignedUrl(std::string_view public_url, std::string_view request_target) {
  std::string url(public_url);
  size_t query = request_target.find('?');
  if (query != std::string_view::npos) url += request_target.substr(query);
  return url;
}

}  // namespace chariot::platforms::twilio
