#include "platforms/dialogflow/verify.h"

#include <strings.h>

#include "platforms/crypto.h"

namespace chariot::platforms::dialogflow {

Status VerifyWebhookAuth(const DialogflowConfig& config, std::string_view authorization,
                         std::string_view secret) {
  if (config.basic_auth.empty() && config.header_secret.empty()) {
    return Status::Unauthenticated("Dialogflow is not configured on this server.");
  }
  if (!config.basic_auth.empty()) {
    constexpr std::string_view kScheme = "Basic ";
    if (authorization.size() <= kScheme.size() ||
        strncasecmp(authorization.data(), kScheme.data(), kScheme.size()) != 0) {
      return Status::Unauthenticated("Basic authentication is required.");
    }
    std::optional<std::string> decoded = Base64Decode(authorization.substr(kScheme.size()));
    if (!decoded || !ConstantTimeEquals(*decoded, config.basic_auth)) {
      return Status::Unauthenticated("The basic authentication credentials are wrong.");
    }
  }
  if (!config.header_secret.empty() && !ConstantTimeEquals(secret, config.header_secret)) {
    return Status::Unauthenticated("The webhook secret header is missing or wrong.");
  }
  return Status::Ok();
}

}  // namespace chariot::platforms::dialogflow
