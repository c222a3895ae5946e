#include "platforms/platform_config.h"

#include <cstdlib>
#include <sstream>

#include "platforms/token_introspection.h"

namespace chariot::platforms {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

std::vector<std::string> SplitIds(const std::string& text) {
  std::vector<std::string> ids;
  std::stringstream stream(text);
  std::string id;
  while (std::getline(stream, id, ',')) {
    size_t start = id.find_first_not_of(" \t");
    size_t end = id.find_last_not_of(" \t");
    if (start != std::string::npos) ids.push_back(id.substr(start, end - start + 1));
  }
  return ids;
}

}  // namespace

Result<PlatformConfig> PlatformConfigFromEnvironment(const std::string& db_path) {
  PlatformConfig config;
  config.alexa.skill_ids = SplitIds(Env("CHARIOT_ALEXA_SKILL_ID"));
  std::string verify = Env("CHARIOT_ALEXA_VERIFY");
  if (verify == "off") {
    config.alexa.verify = false;
  } else if (!verify.empty() && verify != "on") {
    return Status::InvalidArgument("CHARIOT_ALEXA_VERIFY must be on or off, not '" + verify + "'");
  }
  if (!db_path.empty() && db_path != ":memory:") {
    config.alexa.certificate_cache_dir = db_path + ".alexa-certs";
  }
  config.alexa.extra_trust_pem_path = Env("CHARIOT_ALEXA_TRUST_PEM");
  config.alexa.introspection_url = Env("CHARIOT_ALEXA_INTROSPECTION_URL");
  config.alexa.introspection_client = Env("CHARIOT_ALEXA_INTROSPECTION_CLIENT");
  config.dialogflow.basic_auth = Env("CHARIOT_DIALOGFLOW_BASIC_AUTH");
  config.dialogflow.header_secret = Env("CHARIOT_DIALOGFLOW_HEADER_SECRET");
  config.twilio.auth_token = Env("CHARIOT_TWILIO_AUTH_TOKEN");
  config.twilio.public_url = Env("CHARIOT_TWILIO_PUBLIC_URL");
  if (!config.twilio.public_url.empty() && config.twilio.public_url.rfind("https://", 0) != 0 &&
      config.twilio.public_url.rfind("http://", 0) != 0) {
    return Status::InvalidArgument(
        "CHARIOT_TWILIO_PUBLIC_URL must be the http(s) URL Twilio calls");
  }
  config.twilio.support_phone = Env("CHARIOT_SUPPORT_PHONE");
  return config;
}

Result<std::unique_ptr<AccountLinker>> MakeAccountLinker(const AlexaConfig& config,
                                                         const Clock& clock) {
  if (config.introspection_url.empty()) return std::unique_ptr<AccountLinker>();
  size_t colon = config.introspection_client.find(':');
  if (colon == std::string::npos) {
    return Status::InvalidArgument("CHARIOT_ALEXA_INTROSPECTION_CLIENT must be client-id:secret");
  }
  auto linker = IntrospectionAccountLinker::Create(
      config.introspection_url, config.introspection_client.substr(0, colon),
      config.introspection_client.substr(colon + 1), clock);
  if (!linker.ok()) return linker.status();
  return std::unique_ptr<AccountLinker>(std::move(*linker));
}

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
  if (config.alexa.introspection_url.empty()) {
    warnings.push_back("Alexa: no CHARIOT_ALEXA_INTROSPECTION_URL; no Alexa account is linked.");
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
