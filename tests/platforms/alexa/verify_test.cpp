#include "platforms/alexa/verify.h"

#include <catch2/catch.hpp>

#include "platforms/alexa/test_ca.h"
#include "platforms/alexa/vectors.h"
#include "platforms/json_input.h"

namespace chariot::platforms::alexa {
namespace {

using testing::AlexaVectorPath;
using testing::ReadFileBytes;

struct LoadedVector {
  std::string body;
  SignatureHeaders headers;
  std::string chain;
  std::string trust;
  std::string application_id;
};

LoadedVector Load(const std::string& folder) {
  LoadedVector v;
  v.body = ReadFileBytes(AlexaVectorPath(folder, "body.json"));
  auto headers = nlohmann::json::parse(ReadFileBytes(AlexaVectorPath(folder, "headers.json")));
  v.headers.cert_chain_url = headers.value("SignatureCertChainUrl", "");
  v.headers.signature = headers.value("Signature", "");
  v.headers.signature_256 = headers.value("Signature-256", "");
  v.chain = ReadFileBytes(AlexaVectorPath(folder, "chain.pem"));
  v.trust = ReadFileBytes(AlexaVectorPath(folder, "trust-anchor.pem"));
  v.application_id = ApplicationId(nlohmann::json::parse(v.body));
  return v;
}

// A verifier whose cache holds the vector's chain (as `--chain` does) and trusts its anchor.
struct VectorRig {
  std::shared_ptr<TrustStore> trust;
  std::unique_ptr<CertificateCache> cache;
  FixedClock clock{0};
  std::unique_ptr<AlexaVerifier> verifier;

  VectorRig(const LoadedVector& v, int64_t epoch, const std::string& chain_pem,
            std::vector<std::string> skill_ids) {
    trust = *TrustStore::FromPem(v.trust);
    cache = std::make_unique<CertificateCache>(trust, nullptr, "");
    clock.Set(epoch);
    auto url = CheckCertUrl(v.headers.cert_chain_url);
    REQUIRE(url.ok());
    REQUIRE(cache->Put(*url, chain_pem).ok());
    verifier = std::make_unique<AlexaVerifier>(cache.get(), clock,
                                               VerifierOptions{std::move(skill_ids), true});
  }
};

std::string FailedStep(const std::vector<VerificationStep>& steps) {
  for (const auto& step : steps) {
    if (!step.passed) return step.name;
  }
  return "";
}

TEST_CASE("Every genuine Amazon-signed request verifies at its own time", "[platforms][alexa]") {
  for (const auto& vector : testing::AlexaVectors()) {
    INFO(vector.folder);
    LoadedVector v = Load(vector.folder);
    VectorRig rig(v, vector.epoch, v.chain, {v.application_id});
    std::vector<VerificationStep> steps;
    auto result = rig.verifier->Verify(v.headers, v.body, &steps);
    INFO(FailedStep(steps));
    CHECK(result.ok());
    CHECK(steps.size() == 9);
  }
}

TEST_CASE("Flipping one byte of a signed body fails the signature", "[platforms][alexa]") {
  for (const auto& vector : testing::AlexaVectors()) {
    INFO(vector.folder);
    LoadedVector v = Load(vector.folder);
    VectorRig rig(v, vector.epoch, v.chain, {v.application_id});
    for (size_t position : {size_t{0}, v.body.size() / 2, v.body.size() - 1}) {
      std::string tampered = v.body;
      tampered[position] = static_cast<char>(tampered[position] ^ 1);
      std::vector<VerificationStep> steps;
      auto result = rig.verifier->Verify(v.headers, tampered, &steps);
      CHECK_FALSE(result.ok());
      CHECK(result.status().code() == StatusCode::kUnauthenticated);
      CHECK(FailedStep(steps) == "signature");
    }
  }
}

TEST_CASE("Another vector's signature or chain does not verify", "[platforms][alexa]") {
  LoadedVector a = Load("2017-11-20-intent-request-raw-whitespace");
  LoadedVector b = Load("2017-04-05-intent-request-utf8");
  SECTION("another signature") {
    VectorRig rig(a, 1511167507, a.chain, {a.application_id});
    SignatureHeaders headers = a.headers;
    headers.signature = b.headers.signature;
    std::vector<VerificationStep> steps;
    CHECK_FALSE(rig.verifier->Verify(headers, a.body, &steps).ok());
    CHECK(FailedStep(steps) == "signature");
  }
  SECTION("another chain at the same URL") {
    VectorRig rig(a, 1511167507, b.chain, {a.application_id});
    std::vector<VerificationStep> steps;
    auto result = rig.verifier->Verify(a.headers, a.body, &steps);
    CHECK_FALSE(result.ok());
    // b's leaf expired before a's request: refused at the validity step or the signature.
    CHECK((FailedStep(steps) == "signature" || FailedStep(steps) == "certificate validity"));
  }
}

TEST_CASE("Timestamps beyond 150 seconds either way are refused", "[platforms][alexa]") {
  LoadedVector v = Load("2019-07-15-launch-request-amazon-ca");
  const int64_t sent = 1563230663;  // 2019-07-15T22:44:23Z
  for (int64_t offset : {int64_t{151}, int64_t{-151}, int64_t{3600}}) {
    VectorRig rig(v, sent + offset, v.chain, {v.application_id});
    std::vector<VerificationStep> steps;
    auto result = rig.verifier->Verify(v.headers, v.body, &steps);
    CHECK_FALSE(result.ok());
    CHECK(FailedStep(steps) == "timestamp");
  }
  for (int64_t offset : {int64_t{150}, int64_t{-150}, int64_t{0}}) {
    VectorRig rig(v, sent + offset, v.chain, {v.application_id});
    CHECK(rig.verifier->Verify(v.headers, v.body).ok());
  }
}

TEST_CASE("A request for another skill, or with no skill configured, is refused",
          "[platforms][alexa]") {
  LoadedVector v = Load("2019-07-15-launch-request-amazon-ca");
  SECTION("another id") {
    VectorRig rig(v, 1563230668, v.chain, {"amzn1.ask.skill.00000000-0000-0000-0000-000000000000"});
    std::vector<VerificationStep> steps;
    CHECK_FALSE(rig.verifier->Verify(v.headers, v.body, &steps).ok());
    CHECK(FailedStep(steps) == "skill");
  }
  SECTION("none configured") {
    VectorRig rig(v, 1563230668, v.chain, {});
    std::vector<VerificationStep> steps;
    CHECK_FALSE(rig.verifier->Verify(v.headers, v.body, &steps).ok());
    CHECK(FailedStep(steps) == "skill");
  }
  SECTION("one of several") {
    VectorRig rig(v, 1563230668, v.chain, {"amzn1.ask.skill.other", v.application_id});
    CHECK(rig.verifier->Verify(v.headers, v.body).ok());
  }
}

TEST_CASE("A chain that does not reach the trusted root is refused", "[platforms][alexa]") {
  LoadedVector v = Load("2017-11-20-intent-request-raw-whitespace");
  auto trust = *TrustStore::FromPem(testing::SharedTestCa().root_pem);
  auto loaded = SigningCertificate::Load(v.chain, *trust);
  CHECK_FALSE(loaded.ok());
  CHECK(loaded.status().code() == StatusCode::kUnauthenticated);
}

// Signature-256 vectors made with the test CA.
struct TestCaRig {
  FixedClock clock{1767225600};  // 2026-01-01T00:00:00Z
  std::shared_ptr<TrustStore> trust;
  std::unique_ptr<CertificateCache> cache;
  std::unique_ptr<AlexaVerifier> verifier;
  std::string url = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem";

  explicit TestCaRig(const testing::TestCa& ca, bool verify = true) {
    trust = *TrustStore::FromPem(ca.root_pem);
    cache = std::make_unique<CertificateCache>(trust, nullptr, "");
    auto status = cache->Put(*CheckCertUrl(url), ca.chain_pem);
    INFO(status.message());
    REQUIRE(status.ok());
    verifier = std::make_unique<AlexaVerifier>(
        cache.get(), clock, VerifierOptions{{"amzn1.ask.skill.chariot-test"}, verify});
  }

  std::string Body(int64_t timestamp_offset = 0) const {
    std::time_t t = static_cast<std::time_t>(clock.NowSeconds() + timestamp_offset);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
    nlohmann::json body = {
        {"version", "1.0"},
        {"context",
         {{"System", {{"application", {{"applicationId", "amzn1.ask.skill.chariot-test"}}}}}}},
        {"request",
         {{"type", "LaunchRequest"},
          {"requestId", "amzn1.echo-api.request.1"},
          {"timestamp", stamp},
          {"locale", "fr-FR"}}}};
    return body.dump();
  }
};

TEST_CASE("Signature-256 (RSA-SHA256) requests verify and fail when tampered",
          "[platforms][alexa]") {
  const auto& ca = testing::SharedTestCa();
  TestCaRig rig(ca);
  std::string body = rig.Body();
  SignatureHeaders headers{rig.url, ca.Sign(body), ""};
  std::vector<VerificationStep> steps;
  auto result = rig.verifier->Verify(headers, body, &steps);
  INFO(FailedStep(steps));
  REQUIRE(result.ok());
  CHECK((*result)["request"]["type"] == "LaunchRequest");

  std::string tampered = body;
  tampered[tampered.size() / 2] ^= 1;
  CHECK_FALSE(rig.verifier->Verify(headers, tampered).ok());

  SECTION("a SHA-1 signature in the Signature-256 header fails") {
    SignatureHeaders sha1_in_256{rig.url, ca.Sign(body, EVP_sha1()), ""};
    CHECK_FALSE(rig.verifier->Verify(sha1_in_256, body).ok());
  }
  SECTION("the legacy Signature header alone is checked with SHA-1") {
    SignatureHeaders legacy{rig.url, "", ca.Sign(body, EVP_sha1())};
    CHECK(rig.verifier->Verify(legacy, body).ok());
  }
  SECTION("Signature-256 wins over a Signature header") {
    SignatureHeaders both{rig.url, ca.Sign(body), "AAAA"};
    CHECK(rig.verifier->Verify(both, body).ok());
  }
  SECTION("missing or malformed headers") {
    std::vector<VerificationStep> failed;
    CHECK_FALSE(rig.verifier->Verify(SignatureHeaders{rig.url, "", ""}, body, &failed).ok());
    CHECK(FailedStep(failed) == "headers");
    failed.clear();
    CHECK_FALSE(rig.verifier->Verify(SignatureHeaders{"", ca.Sign(body), ""}, body, &failed).ok());
    CHECK(FailedStep(failed) == "headers");
    failed.clear();
    CHECK_FALSE(
        rig.verifier->Verify(SignatureHeaders{rig.url, "not base64!", ""}, body, &failed).ok());
    CHECK(FailedStep(failed) == "headers");
  }
  SECTION("a certificate URL on another host is refused before any fetch") {
    std::vector<VerificationStep> failed;
    SignatureHeaders evil{"https://evil.example.com/echo.api/echo-api-cert-12.pem", ca.Sign(body),
                          ""};
    CHECK_FALSE(rig.verifier->Verify(evil, body, &failed).ok());
    CHECK(FailedStep(failed) == "certificate URL");
  }
}

TEST_CASE("Certificates outside their validity at the request time are refused",
          "[platforms][alexa]") {
  const auto& ca = testing::SharedTestCa();
  TestCaRig rig(ca);
  rig.clock.Set(2208988800 + 10);  // after notAfter
  std::string body = rig.Body();
  std::vector<VerificationStep> steps;
  CHECK_FALSE(
      rig.verifier->Verify(SignatureHeaders{rig.url, ca.Sign(body), ""}, body, &steps).ok());
  CHECK(FailedStep(steps) == "certificate validity");
}

TEST_CASE("A leaf that does not name echo-api.amazon.com is refused", "[platforms][alexa]") {
  auto ca = testing::TestCa::Make(1577836800, 2208988800, "echo-api.amazon.com.evil.example");
  TestCaRig rig(ca);
  std::string body = rig.Body();
  std::vector<VerificationStep> steps;
  CHECK_FALSE(
      rig.verifier->Verify(SignatureHeaders{rig.url, ca.Sign(body), ""}, body, &steps).ok());
  CHECK(FailedStep(steps) == "certificate name");
}

TEST_CASE("With verification off, only the body and the skill id are checked",
          "[platforms][alexa]") {
  const auto& ca = testing::SharedTestCa();
  TestCaRig rig(ca, /*verify=*/false);
  std::string body = rig.Body(-100000);
  CHECK(rig.verifier->Verify(SignatureHeaders{}, body).ok());
  std::string other = body;
  other.replace(other.find("chariot-test"), 12, "someone-else");
  CHECK_FALSE(rig.verifier->Verify(SignatureHeaders{}, other).ok());
}

TEST_CASE("Hostile bodies are refused after the signature, before any use", "[platforms][alexa]") {
  const auto& ca = testing::SharedTestCa();
  TestCaRig rig(ca);
  std::string deep(100, '[');
  deep += std::string(100, ']');
  auto result = rig.verifier->Verify(SignatureHeaders{rig.url, ca.Sign(deep), ""}, deep);
  CHECK(result.status().code() == StatusCode::kTooLarge);
  std::string not_json = "{\"request\":";
  result = rig.verifier->Verify(SignatureHeaders{rig.url, ca.Sign(not_json), ""}, not_json);
  CHECK(result.status().code() == StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace chariot::platforms::alexa
