// Dialogflow webhook authentication, as Dialogflow offers it: HTTP basic auth and/or custom
// headers configured on the webhook (ES "Fulfillment", CX "Webhooks"). Chariot expects the
// configured secret in the X-Chariot-Webhook-Secret header.
//
// Every configured method must pass; with none configured, every request is refused. Secrets
// are compared in constant time.
//
// Thread safety: pure function.
#pragma once

#include <string_view>

#include "core/status.h"
#include "platforms/platform_config.h"

namespace chariot::platforms::dialogflow {

inline constexpr const char* kSecretHeader = "X-Chariot-Webhook-Secret";

// authorization: the Authorization header ("" when absent); secret: the X-Chariot-Webhook-Secret
// header. OK, or Unauthenticated saying which credential is missing or wrong.
Status VerifyWebhookAuth(const DialogflowConfig& config, std::string_view authorization,
                         std::string_view secret);

}  // namespace chariot::platforms::dialogflow
