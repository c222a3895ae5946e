#include "platforms/platform_config.h"

namespace chariot::platforms {

std::vector<std::string> PlatformStartupWarnings(const PlatformConfig& config) {
  std::vector<std::string> warnings;
  if (!config.alexa.verify) {
    warnings.push_back(
        "WARNING: Alexa request verification is OFF (CHARIOT_ALEXA_VERIFY=off): anyone can "
        "send /alexa requests. Development and benchmarks only; Amazon certification requires it.");
  }
  if (config.alexa.skill_ids.empty()) {
    warnings.push_back(
        "Alexa: no skill id configured (CHARIOT_ALEXA_SKILL_ID); /alexa refuses "
        "every request.");
  }
  if (!config.alexa.extra_trust_pem_path.empty()) {
    warnings.push_back("WARNING: Alexa trusts the extra roots of " +
                       config.alexa.extra_trust_pem_path +
                       " (CHARIOT_ALEXA_TRUST_PEM), a test setting.");
  }
  if (config.dialogflow.basic_auth.empty() && config.dialogflow.header_secret.empty()) {
    warnings.push_back(
        "Dialogflow: no CHARIOT_DIALOGFLOW_BASIC_AUTH or "
        "CHARIOT_DIALOGFLOW_HEADER_SECRET; /dialogflow/es and /dialogflow/cx "
        "refuse every request.");
  }
  if (config.twilio.auth_token.empty() || config.twilio.public_url.empty()) {
    warnings.push_back(
        "Twilio: CHARIOT_TWILIO_AUTH_TOKEN or CHARIOT_TWILIO_PUBLIC_URL is not "
        "set; /twilio/voice refuses every request.");
  }
  return warnings;
}

}  // namespace chariot::platforms
