#include "platforms/dialogflow/verify.h"

#include <catch2/catch.hpp>

#include "platforms/crypto.h"

namespace chariot::platforms::dialogflow {
namespace {

std::string Basic(const std::string& credentials) { return "Basic " + Base64Encode(credentials); }

TEST_CASE("Dialogflow basic auth is checked", "[platforms][dialogflow]") {
  DialogflowConfig config;
  config.basic_auth = "dialogflow:s3cret-pass";
  CHECK(VerifyWebhookAuth(config, Basic("dialogflow:s3cret-pass"), "").ok());
  CHECK(VerifyWebhookAuth(config, "basic " + Base64Encode("dialogflow:s3cret-pass"), "").ok());
  CHECK_FALSE(VerifyWebhookAuth(config, Basic("dialogflow:wrong"), "").ok());
  CHECK_FALSE(VerifyWebhookAuth(config, Basic("dialogflow:s3cret-pas"), "").ok());
  CHECK_FALSE(VerifyWebhookAuth(config, "Bearer dialogflow:s3cret-pass", "").ok());
  CHECK_FALSE(VerifyWebhookAuth(config, "Basic !!!", "").ok());
  CHECK_FALSE(VerifyWebhookAuth(config, "", "").ok());
  CHECK(VerifyWebhookAuth(config, "", "").code() == StatusCode::kUnauthenticated);
}

TEST_CASE("Dialogflow header secret is checked", "[platforms][dialogflow]") {
  DialogflowConfig config;
  config.header_secret = "0123456789abcdef";
  CHECK(VerifyWebhookAuth(config, "", "0123456789abcdef").ok());
  CHECK_FALSE(VerifyWebhookAuth(config, "", "0123456789abcdeF").ok());
  CHECK_FALSE(VerifyWebhookAuth(config, "", "").ok());
}

TEST_CASE("Dialogflow with both methods needs both; with none refuses", "[platforms][dialogflow]") {
  DialogflowConfig both;
  both.basic_auth = "u:p";
  both.header_secret = "h";
  CHECK(VerifyWebhookAuth(both, Basic("u:p"), "h").ok());
  CHECK_FALSE(VerifyWebhookAuth(both, Basic("u:p"), "").ok());
  CHECK_FALSE(VerifyWebhookAuth(both, "", "h").ok());
  CHECK_FALSE(VerifyWebhookAuth(DialogflowConfig{}, Basic("u:p"), "h").ok());
}

}  // namespace
}  // namespace chariot::platforms::dialogflow
