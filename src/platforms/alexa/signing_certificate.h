// SigningCertificate: an Alexa signing chain, parsed and checked once, then used per request.
//
// Amazon signs each request with the key of the leaf certificate served at the request's
// SignatureCertChainUrl (leaf first, then intermediates). Building and checking the chain costs
// several RSA operations, so it happens once when the chain enters the cache: the chain must
// lead to a root of the TrustStore. Time is left out of that check on purpose (OpenSSL's
// X509_V_FLAG_NO_CHECK_TIME) and replaced by the validity window of the verified chain (latest
// notBefore, earliest notAfter), which each request compares with its own clock; the result is
// the same as verifying the chain at the request time, for one comparison instead of three
// signatures.
//
// Thread safety: TrustStore and SigningCertificate are immutable after construction and safe
// to share between threads (OpenSSL's X509_STORE is safe for concurrent verification).
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace chariot::platforms::alexa {

// The roots a chain may end at.
class TrustStore {
 public:
  ~TrustStore();
  TrustStore(const TrustStore&) = delete;
  TrustStore& operator=(const TrustStore&) = delete;

  // The operating system's roots (OpenSSL's default paths), plus the roots in extra_pem_path
  // when it is not empty. Fails when that file cannot be read or holds no certificate.
  static Result<std::shared_ptr<TrustStore>> System(const std::string& extra_pem_path = {});
  // Only the roots in pem (one or more PEM certificates).
  static Result<std::shared_ptr<TrustStore>> FromPem(std::string_view pem);

  X509_STORE* store() const { return store_; }

 private:
  explicit TrustStore(X509_STORE* store) : store_(store) {}
  X509_STORE* store_;
};

enum class SignatureAlgorithm { kSha256, kSha1 };

class SigningCertificate {
 public:
  ~SigningCertificate();
  SigningCertificate(const SigningCertificate&) = delete;
  SigningCertificate& operator=(const SigningCertificate&) = delete;

  // Parses chain_pem (leaf first) and verifies the chain to a root of trust, ignoring time.
  // InvalidArgument when the PEM holds no certificate; Unauthenticated, with OpenSSL's reason,
  // when the chain does not lead to a trusted root.
  static Result<std::shared_ptr<const SigningCertificate>> Load(std::string_view chain_pem,
                                                                const TrustStore& trust);

  // Unix seconds; the chain is valid at t when not_before() <= t <= not_after().
  int64_t not_before() const { return not_before_; }
  int64_t not_after() const { return not_after_; }
  // True when the leaf's subjectAltName lists the DNS name echo-api.amazon.com exactly.
  bool names_echo_api() const { return names_echo_api_; }
  const std::string& leaf_subject() const { return leaf_subject_; }
  const std::vector<std::string>& chain_subjects() const { return chain_subjects_; }

  // True when signature is the leaf key's RSA PKCS#1 v1.5 signature of body.
  bool VerifySignature(std::string_view body, std::string_view signature,
                       SignatureAlgorithm algorithm) const;

 private:
  SigningCertificate() = default;
  EVP_PKEY* public_key_ = nullptr;
  int64_t not_before_ = 0;
  int64_t not_after_ = 0;
  bool names_echo_api_ = false;
  std::string leaf_subject_;
  std::vector<std::string> chain_subjects_;  // as verified, leaf to root
};

}  // namespace chariot::platforms::alexa
