#include "platforms/twilio/verify.h"

#include <catch2/catch.hpp>

namespace chariot::platforms::twilio {
namespace {

// The example of Twilio's "Webhooks security" documentation (auth token 12345).
const FormParams kDocumentedParams = {{"CallSid", "CA1234567890ABCDE"},
                                      {"Caller", "+14158675310"},
                                      {"Digits", "1234"},
                                      {"From", "+14158675310"},
                                      {"To", "+18005551212"}};
const char* kDocumentedUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";

TEST_CASE("Twilio's documented signature example verifies", "[platforms][twilio]") {
  CHECK(ExpectedSignature("12345", kDocumentedUrl, kDocumentedParams) ==
        "GvWf1cFY/Q7PnoempGyD5oXAezc=");
  CHECK(VerifySignature("12345", kDocumentedUrl, kDocumentedParams, "GvWf1cFY/Q7PnoempGyD5oXAezc=")
            .ok());
  // Parameter order in the body does not matter: Twilio sorts them.
  FormParams reversed(kDocumentedParams.rbegin(), kDocumentedParams.rend());
  CHECK(VerifySignature("12345", kDocumentedUrl, reversed, "GvWf1cFY/Q7PnoempGyD5oXAezc=").ok());
}

TEST_CASE("Any change to the URL, a parameter or the token fails the Twilio signature",
          "[platforms][twilio]") {
  const std::string good = "GvWf1cFY/Q7PnoempGyD5oXAezc=";
  FormParams changed = kDocumentedParams;
  changed[2].second = "1235";
  CHECK_FALSE(VerifySignature("12345", kDocumentedUrl, changed, good).ok());
  FormParams extra = kDocumentedParams;
  extra.emplace_back("SpeechResult", "annule ma commande");
  CHECK_FALSE(VerifySignature("12345", kDocumentedUrl, extra, good).ok());
  CHECK_FALSE(VerifySignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=3",
                              kDocumentedParams, good)
                  .ok());
  CHECK_FALSE(VerifySignature("54321", kDocumentedUrl, kDocumentedParams, good).ok());
  CHECK_FALSE(VerifySignature("12345", kDocumentedUrl, kDocumentedParams, "").ok());
  CHECK_FALSE(VerifySignature("", kDocumentedUrl, kDocumentedParams, good).ok());
}

TEST_CASE("The signed URL is the public URL with the request's query", "[platforms][twilio]") {
  CHECK(SignedUrl("https://voice.example.fr/twilio/voice", "/twilio/voice") ==
        "https://voice.example.fr/twilio/voice");
  CHECK(
      SignedUrl("https://voice.example.fr/twilio/voice", "/twilio/voice?session=s1&locale=fr-FR") ==
      "https://voice.example.fr/twilio/voice?session=s1&locale=fr-FR");
}

}  // namespace
}  // namespace chariot::platforms::twilio
