#include "platforms/alexa/signing_certificate.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <strings.h>

#include <ctime>
#include <fstream>
#include <sstream>

namespace chariot::platforms::alexa {
namespace {

constexpr std::string_view kEchoApiName = "echo-api.amazon.com";

struct X509Deleter {
  void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

std::vector<X509Ptr> ReadCertificates(std::string_view pem) {
  std::vector<X509Ptr> out;
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  if (bio == nullptr) return out;
  while (X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) out.emplace_back(cert);
  BIO_free(bio);
  ERR_clear_error();  // the loop ends on "no start line", which is not an error here
  return out;
}

bool ToUnixSeconds(const ASN1_TIME* time, int64_t* out) {
  struct tm tm {};
  if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1) return false;
  *out = static_cast<int64_t>(timegm(&tm));
  return true;
}

std::string Subject(X509* cert) {
  char buffer[512];
  X509_NAME_oneline(X509_get_subject_name(cert), buffer, sizeof(buffer));
  return buffer;
}

bool NamesEchoApi(X509* leaf) {
  auto* names =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(leaf, NID_subject_alt_name, nullptr, nullptr));
  if (names == nullptr) return false;
  bool found = false;
  for (int i = 0; i < sk_GENERAL_NAME_num(names) && !found; ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
    if (name->type != GEN_DNS) continue;
    const ASN1_IA5STRING* dns = name->d.dNSName;
    std::string_view value(reinterpret_cast<const char*>(ASN1_STRING_get0_data(dns)),
                           static_cast<size_t>(ASN1_STRING_length(dns)));
    found = value.size() == kEchoApiName.size() &&
            strncasecmp(value.data(), kEchoApiName.data(), value.size()) == 0;
  }
  GENERAL_NAMES_free(names);
  return found;
}

int AddPemToStore(X509_STORE* store, std::string_view pem) {
  int added = 0;
  for (auto& cert : ReadCertificates(pem)) {
    if (X509_STORE_add_cert(store, cert.get()) == 1) added++;
  }
  ERR_clear_error();  // adding a root already present is reported as an error; it is not
  return added;
}

}  // namespace

TrustStore::~TrustStore() { X509_STORE_free(store_); }

Result<std::shared_ptr<TrustStore>> TrustStore::System(const std::string& extra_pem_path) {
  X509_STORE* store = X509_STORE_new();
  if (store == nullptr) return Status::Internal("Could not create a certificate store.");
  std::shared_ptr<TrustStore> trust(new TrustStore(store));
  X509_STORE_set_default_paths(store);
  ERR_clear_error();
  if (!extra_pem_path.empty()) {
    std::ifstream file(extra_pem_path, std::ios::binary);
    if (!file)
      return Status::InvalidArgument("Cannot read the trusted roots file " + extra_pem_path + ".");
    std::stringstream text;
    text << file.rdbuf();
    if (AddPemToStore(store, text.str()) == 0 && ReadCertificates(text.str()).empty()) {
      return Status::InvalidArgument("The trusted roots file " + extra_pem_path +
                                     " holds no PEM certificate.");
    }
  }
  return trust;
}

Result<std::shared_ptr<TrustStore>> TrustStore::FromPem(std::string_view pem) {
  if (ReadCertificates(pem).empty()) {
    return Status::InvalidArgument("The trusted roots hold no PEM certificate.");
  }
  X509_STORE* store = X509_STORE_new();
  if (store == nullptr) return Status::Internal("Could not create a certificate store.");
  std::shared_ptr<TrustStore> trust(new TrustStore(store));
  AddPemToStore(store, pem);
  return trust;
}

SigningCertificate::~SigningCertificate() { EVP_PKEY_free(public_key_); }

Result<std::shared_ptr<const SigningCertificate>> SigningCertificate::Load(
    std::string_view chain_pem, const TrustStore& trust) {
  std::vector<X509Ptr> certs = ReadCertificates(chain_pem);
  if (certs.empty()) {
    return Status::InvalidArgument("The certificate chain holds no PEM certificate.");
  }
  STACK_OF(X509)* untrusted = sk_X509_new_null();
  for (size_t i = 1; i < certs.size(); ++i) sk_X509_push(untrusted, certs[i].get());
  X509_STORE_CTX* context = X509_STORE_CTX_new();
  std::shared_ptr<SigningCertificate> result(new SigningCertificate());
  Status status;
  if (context == nullptr ||
      X509_STORE_CTX_init(context, trust.store(), certs[0].get(), untrusted) != 1) {
    status = Status::Internal("Could not prepare the certificate check.");
  } else {
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(context);
    X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_NO_CHECK_TIME);
    if (X509_verify_cert(context) != 1) {
      int error = X509_STORE_CTX_get_error(context);
      status = Status::Unauthenticated(
          std::string("The certificate chain does not lead to a trusted root: ") +
          X509_verify_cert_error_string(error) + " (at depth " +
          std::to_string(X509_STORE_CTX_get_error_depth(context)) + ").");
    } else {
      int64_t latest_start = INT64_MIN;
      int64_t earliest_end = INT64_MAX;
      STACK_OF(X509)* verified = X509_STORE_CTX_get0_chain(context);
      for (int i = 0; i < sk_X509_num(verified); ++i) {
        X509* cert = sk_X509_value(verified, i);
        int64_t start = 0;
        int64_t end = 0;
        if (!ToUnixSeconds(X509_get0_notBefore(cert), &start) ||
            !ToUnixSeconds(X509_get0_notAfter(cert), &end)) {
          status = Status::Unauthenticated("A certificate of the chain has an unreadable date.");
          break;
        }
        latest_start = std::max(latest_start, start);
        earliest_end = std::min(earliest_end, end);
        result->chain_subjects_.push_back(Subject(cert));
      }
      result->not_before_ = latest_start;
      result->not_after_ = earliest_end;
    }
  }
  X509_STORE_CTX_free(context);
  sk_X509_free(untrusted);
  ERR_clear_error();
  if (!status.ok()) return status;

  result->public_key_ = X509_get_pubkey(certs[0].get());
  if (result->public_key_ == nullptr || EVP_PKEY_get_base_id(result->public_key_) != EVP_PKEY_RSA) {
    return Status::Unauthenticated("The signing certificate does not hold an RSA key.");
  }
  result->names_echo_api_ = NamesEchoApi(certs[0].get());
  result->leaf_subject_ = Subject(certs[0].get());
  return std::shared_ptr<const SigningCertificate>(std::move(result));
}

bool SigningCertificate::VerifySignature(std::string_view body, std::string_view signature,
                                         SignatureAlgorithm algorithm) const {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  if (context == nullptr) return false;
  const EVP_MD* digest = algorithm == SignatureAlgorithm::kSha256 ? EVP_sha256() : EVP_sha1();
  bool ok = EVP_DigestVerifyInit(context, nullptr, digest, nullptr, public_key_) == 1 &&
            EVP_DigestVerify(context, reinterpret_cast<const unsigned char*>(signature.data()),
                             signature.size(), reinterpret_cast<const unsigned char*>(body.data()),
                             body.size()) == 1;
  EVP_MD_CTX_free(context);
  ERR_clear_error();
  return ok;
}

}  // namespace chariot::platforms::alexa
