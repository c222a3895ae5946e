// PlatformConfig: what the platform adapters need to know about their deployment.
//
// Filled by the app from the environment and the config file (the variables named beside each
// field), then borrowed read-only by the routes in src/http/routes_platforms.cpp. An empty
// credential means "not configured": the matching route refuses every request (it never falls
// back to "open"), and PlatformStartupWarnings() says so once at start.
//
// Thread safety: a value; read-only once the server runs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace chariot::platforms {

class AccountLinker;  // platforms/account_linker.h
}  // namespace chariot::platforms
namespace chariot {
class Clock;
}  // namespace chariot
namespace chariot::platforms {

struct AlexaConfig {
  // CHARIOT_ALEXA_SKILL_ID: the application ids this server answers for (comma separated in
  // the environment). Empty: every Alexa request is refused.
  std::vector<std::string> skill_ids;
  // CHARIOT_ALEXA_VERIFY=off turns off the signature, certificate and timestamp checks (never
  // the application id). Development and benchmarks only; announced loudly at start.
  bool verify = true;
  // Where fetched certificate chains are kept between runs (one PEM per URL). Empty: memory
  // only. The app puts it beside the database ("<db>.alexa-certs").
  std::string certificate_cache_dir;
  // CHARIOT_ALEXA_TRUST_PEM: a PEM file of extra trusted roots, added to the system store.
  // For tests (a test CA signs test requests); never needed against Amazon.
  std::string extra_trust_pem_path;
  // CHARIOT_ALEXA_INTROSPECTION_URL and CHARIOT_ALEXA_INTROSPECTION_CLIENT ("id:secret"): the
  // retailer's OAuth token introspection endpoint (RFC 7662) that says which customer an
  // account-linking access token belongs to. Empty: no Alexa user is ever linked.
  std::string introspection_url;
  std::string introspection_client;
  // Maps account-linking access tokens to customers (built by MakeAccountLinker, owned by the
  // app). Null: no Alexa user is ever linked, so ordering answers with a LinkAccount card.
  const AccountLinker* account_linker = nullptr;
};

struct DialogflowConfig {
  // CHARIOT_DIALOGFLOW_BASIC_AUTH: "user:password" expected in Authorization: Basic.
  std::string basic_auth;
  // CHARIOT_DIALOGFLOW_HEADER_SECRET: the value expected in the X-Chariot-Webhook-Secret header
  // (Dialogflow's webhook "custom headers").
  std::string header_secret;
};

struct TwilioConfig {
  // CHARIOT_TWILIO_AUTH_TOKEN: the account's auth token, key of X-Twilio-Signature.
  std::string auth_token;
  // CHARIOT_TWILIO_PUBLIC_URL: the URL Twilio calls, e.g. "https://voice.example.fr/twilio/voice".
  // Behind a proxy we cannot know it, and the signature covers it.
  std::string public_url;
  // CHARIOT_SUPPORT_PHONE: the human support line callers are transferred to (E.164).
  std::string support_phone;
  // TwiML <Gather speechTimeout> and voice; the defaults suit a French retailer's line.
  int speech_timeout_seconds = 3;
};

struct PlatformConfig {
  AlexaConfig alexa;
  DialogflowConfig dialogflow;
  TwilioConfig twilio;
};

// Reads the CHARIOT_ALEXA_*, CHARIOT_DIALOGFLOW_*, CHARIOT_TWILIO_* and CHARIOT_SUPPORT_PHONE
// variables named above. The certificate cache goes beside the database ("<db_path>.alexa-certs").
// InvalidArgument, in one sentence, for CHARIOT_ALEXA_VERIFY other than on/off or a
// CHARIOT_TWILIO_PUBLIC_URL that is not an http(s) URL.
Result<PlatformConfig> PlatformConfigFromEnvironment(const std::string& db_path);

// The AccountLinker the Alexa settings ask for (token introspection), or null when none is
// configured. Borrows clock. InvalidArgument for a malformed URL or client.
Result<std::unique_ptr<AccountLinker>> MakeAccountLinker(const AlexaConfig& config,
                                                         const Clock& clock);

// Sentences the server prints at start about platform settings that weaken or disable a route
// (verification off, no credentials configured). Empty when everything is set.
std::vector<std::string> PlatformStartupWarnings(const PlatformConfig& config);

}  // namespace chariot::platforms
