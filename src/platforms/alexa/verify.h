// AlexaVerifier: decides whether a request really comes from Alexa for this skill.
//
// The checks Amazon requires of a skill hosted as a web service ("Host a custom skill as a web
// service", Amazon), in this order, on the exact body bytes received:
//   1. headers     SignatureCertChainUrl and Signature-256 (RSA-SHA256) or, from older senders,
//                  Signature (RSA-SHA1), both base64;
//   2. cert URL    https, s3.amazonaws.com, port 443 if any, path under /echo.api/ (cert_url.h);
//   3. chain       obtained from the CertificateCache (fetched once), leading to a trusted root;
//   4. validity    every certificate of the chain valid at the request time (the Clock);
//   5. name        the leaf's subjectAltName lists echo-api.amazon.com;
//   6. signature   over the body bytes with the leaf's key (Signature-256 preferred);
//   7. body        JSON within the size and depth limits;
//   8. timestamp   request.timestamp within 150 seconds of the clock;
//   9. skill       the application id is one of the configured skill ids.
// With verification off (development only), steps 1 to 6 and 8 are skipped; 7 and 9 never are.
// Nothing is parsed before the signature is checked.
//
// Thread safety: Verify() is safe from many threads (the cache locks itself).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "platforms/alexa/certificate_cache.h"

namespace chariot::platforms::alexa {

inline constexpr int64_t kTimestampToleranceSeconds = 150;

struct SignatureHeaders {
  std::string cert_chain_url;  // SignatureCertChainUrl
  std::string signature_256;   // Signature-256
  std::string signature;       // Signature (SHA-1, older senders)
};

// One line of the explanation `chariot check alexa-request` prints.
struct VerificationStep {
  std::string name;  // "headers", "certificate URL", ...
  bool passed = false;
  std::string detail;  // what was found, or why it failed
};

struct VerifierOptions {
  std::vector<std::string> skill_ids;  // empty: every request fails step 9
  bool verify_signature = true;        // false: development mode (see above)
  bool check_skill = true;             // false only for `chariot check` without a skill id
};

class AlexaVerifier {
 public:
  // Borrows cache and clock; both must outlive the verifier. cache may be null only when
  // options.verify_signature is false.
  AlexaVerifier(CertificateCache* cache, const Clock& clock, VerifierOptions options);

  // The parsed body when every step passes. On failure: Unauthenticated naming the step that
  // failed (signature, certificate, timestamp, skill), InvalidArgument or TooLarge for a body
  // that is not acceptable JSON. When steps is not null, one entry per step run is appended.
  Result<nlohmann::json> Verify(const SignatureHeaders& headers, std::string_view body,
                                std::vector<VerificationStep>* steps = nullptr) const;

 private:
  Status CheckSignature(const SignatureHeaders& headers, std::string_view body, int64_t now,
                        std::vector<VerificationStep>* steps) const;

  CertificateCache* cache_;
  const Clock& clock_;
  VerifierOptions options_;
};

// request.timestamp as Unix seconds: ISO 8601 UTC ("2019-07-15T22:44:23Z", fractions allowed) or
// a number of milliseconds (some SessionEndedRequests). nullopt when absent or unreadable.
std::optional<int64_t> ParseAlexaTimestamp(const nlohmann::json& envelope);

// The application id of an envelope: context.System.application.applicationId, else
// session.application.applicationId (requests older than 2017 have no context).
std::string ApplicationId(const nlohmann::json& envelope);

}  // namespace chariot::platforms::alexa
