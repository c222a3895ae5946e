#include "platforms/alexa/verify.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "platforms/crypto.h"
#include "platforms/json_input.h"

namespace chariot::platforms::alexa {
namespace {

// An Alexa request body is a few kilobytes; Amazon caps responses at 24 KB. 128 KiB is generous.
constexpr JsonLimits kBodyLimits{128 * 1024, 32};

void Record(std::vector<VerificationStep>* steps, std::string name, bool passed,
            std::string detail) {
  if (steps != nullptr) steps->push_back({std::move(name), passed, std::move(detail)});
}

std::string FormatTime(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

bool ParseIsoUtc(const std::string& text, int64_t* out) {
  int year, month, day, hour, minute, second;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute,
                  &second, &consumed) != 6) {
    return false;
  }
  size_t position = static_cast<size_t>(consumed);
  if (position < text.size() && text[position] == '.') {
    position++;
    while (position < text.size() && std::isdigit(static_cast<unsigned char>(text[position]))) {
      position++;
    }
  }
  if (position + 1 != text.size() || text[position] != 'Z') return false;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return false;
  }
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  *out = static_cast<int64_t>(timegm(&tm));
  return true;
}

}  // namespace

std::optional<int64_t> ParseAlexaTimestamp(const nlohmann::json& envelope) {
  const nlohmann::json* timestamp = Find(envelope, {"request", "timestamp"});
  if (timestamp == nullptr) return std::nullopt;
  if (timestamp->is_number_integer()) return timestamp->get<int64_t>() / 1000;
  if (!timestamp->is_string()) return std::nullopt;
  int64_t seconds = 0;
  if (!ParseIsoUtc(timestamp->get<std::string>(), &seconds)) return std::nullopt;
  return seconds;
}

std::string ApplicationId(const nlohmann::json& envelope) {
  std::string id = GetString(envelope, {"context", "System", "application", "applicationId"});
  if (id.empty()) id = GetString(envelope, {"session", "application", "applicationId"});
  return id;
}

AlexaVerifier::AlexaVerifier(CertificateCache* cache, const Clock& clock, VerifierOptions options)
    : cache_(cache), clock_(clock), options_(std::move(options)) {}

Status AlexaVerifier::CheckSignature(const SignatureHeaders& headers, std::string_view body,
                                     int64_t now, std::vector<VerificationStep>* steps) const {
  // 1. headers
  const bool sha256 = !headers.signature_256.empty();
  const std::string& encoded = sha256 ? headers.signature_256 : headers.signature;
  if (headers.cert_chain_url.empty() || encoded.empty()) {
    std::string missing =
        headers.cert_chain_url.empty() ? "SignatureCertChainUrl" : "Signature-256";
    Record(steps, "headers", false, "The " + missing + " header is missing.");
    return Status::Unauthenticated("The request is not signed.");
  }
  std::optional<std::string> signature = Base64Decode(encoded);
  if (!signature || signature->empty()) {
    Record(steps, "headers", false, "The signature header is not base64.");
    return Status::Unauthenticated("The request signature is malformed.");
  }
  Record(steps, "headers", true,
         std::string(sha256 ? "Signature-256 (RSA-SHA256)" : "Signature (RSA-SHA1, legacy)") +
             " and SignatureCertChainUrl present.");

  // 2. certificate URL
  Result<CertUrl> url = CheckCertUrl(headers.cert_chain_url);
  if (!url.ok()) {
    Record(steps, "certificate URL", false, url.status().message());
    return Status::Unauthenticated("The certificate URL is not Amazon's.");
  }
  Record(steps, "certificate URL", true, url->Normalized());

  // 3. chain
  if (cache_ == nullptr) {
    Record(steps, "certificate chain", false, "No certificate cache is configured.");
    return Status::Unavailable("Certificates cannot be checked.");
  }
  Result<CachedChain> chain = cache_->Get(*url, now);
  if (!chain.ok()) {
    Record(steps, "certificate chain", false, chain.status().message());
    if (chain.status().code() == StatusCode::kUnavailable) return chain.status();
    return Status::Unauthenticated("The signing certificate chain is not trusted.");
  }
  const SigningCertificate& certificate = *chain->certificate;
  std::string path;
  for (const std::string& subject : certificate.chain_subjects()) {
    path += (path.empty() ? "" : " <- ") + subject;
  }
  Record(steps, "certificate chain", true, "(" + chain->origin + ") " + path);

  // 4. validity at the request time
  if (now < certificate.not_before() || now > certificate.not_after()) {
    Record(steps, "certificate validity", false,
           "At " + FormatTime(now) + " the chain is not valid (valid from " +
               FormatTime(certificate.not_before()) + " to " + FormatTime(certificate.not_after()) +
               ").");
    return Status::Unauthenticated("The signing certificate is not valid now.");
  }
  Record(steps, "certificate validity", true,
         "Valid at " + FormatTime(now) + " (from " + FormatTime(certificate.not_before()) + " to " +
             FormatTime(certificate.not_after()) + ").");

  // 5. name
  if (!certificate.names_echo_api()) {
    Record(steps, "certificate name", false,
           "The leaf's subjectAltName does not list echo-api.amazon.com (" +
               certificate.leaf_subject() + ").");
    return Status::Unauthenticated("The signing certificate is not Alexa's.");
  }
  Record(steps, "certificate name", true, "subjectAltName lists echo-api.amazon.com.");

  // 6. signature over the exact bytes
  if (!certificate.VerifySignature(
          body, *signature, sha256 ? SignatureAlgorithm::kSha256 : SignatureAlgorithm::kSha1)) {
    Record(steps, "signature", false,
           "The signature does not match the body's " + std::to_string(body.size()) + " bytes.");
    return Status::Unauthenticated("The request signature does not match.");
  }
  Record(steps, "signature", true,
         std::string(sha256 ? "RSA-SHA256" : "RSA-SHA1") + " signature matches the body's " +
             std::to_string(body.size()) + " bytes.");
  return Status::Ok();
}

Result<nlohmann::json> AlexaVerifier::Verify(const SignatureHeaders& headers, std::string_view body,
                                             std::vector<VerificationStep>* steps) const {
  const int64_t now = clock_.NowSeconds();
  if (options_.verify_signature) {
    Status signature = CheckSignature(headers, body, now, steps);
    if (!signature.ok()) return signature;
  } else {
    Record(steps, "signature", true, "NOT CHECKED: verification is off (development setting).");
  }

  // 7. body
  Result<nlohmann::json> envelope = ParseJsonObject(body, kBodyLimits);
  if (!envelope.ok()) {
    Record(steps, "body", false, envelope.status().message());
    return envelope.status();
  }
  Record(steps, "body", true, "JSON within limits.");

  // 8. timestamp
  if (options_.verify_signature) {
    std::optional<int64_t> timestamp = ParseAlexaTimestamp(*envelope);
    if (!timestamp) {
      Record(steps, "timestamp", false, "request.timestamp is missing or unreadable.");
      return Status::Unauthenticated("The request timestamp is missing.");
    }
    int64_t skew = now - *timestamp;
    if (skew > kTimestampToleranceSeconds || skew < -kTimestampToleranceSeconds) {
      Record(steps, "timestamp", false,
             "request.timestamp " + FormatTime(*timestamp) + " is " + std::to_string(skew) +
                 " s from now (" + FormatTime(now) + "); at most 150 s are allowed.");
      return Status::Unauthenticated("The request is too old or from the future.");
    }
    Record(steps, "timestamp", true,
           "request.timestamp " + FormatTime(*timestamp) + " is " + std::to_string(skew) +
               " s from now.");
  }

  // 9. skill
  std::string application_id = ApplicationId(*envelope);
  if (!options_.check_skill) {
    Record(steps, "skill", true,
           "NOT CHECKED: no skill id given; the request names " +
               (application_id.empty() ? std::string("none") : application_id) + ".");
    return envelope;
  }
  if (options_.skill_ids.empty()) {
    Record(steps, "skill", false,
           "No skill id is configured (CHARIOT_ALEXA_SKILL_ID); the request names " +
               (application_id.empty() ? std::string("none") : application_id) + ".");
    return Status::Unauthenticated("This server answers no Alexa skill.");
  }
  if (std::find(options_.skill_ids.begin(), options_.skill_ids.end(), application_id) ==
      options_.skill_ids.end()) {
    Record(steps, "skill", false,
           "Application id " + (application_id.empty() ? std::string("(none)") : application_id) +
               " is not one of the configured skill ids.");
    return Status::Unauthenticated("The request is for another skill.");
  }
  Record(steps, "skill", true, "Application id " + application_id + " is configured.");
  return envelope;
}

}  // namespace chariot::platforms::alexa
