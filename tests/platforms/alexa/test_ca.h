// A throw-away certificate authority for Alexa signature tests, made with the OpenSSL API.
//
// No genuine Signature-256 (RSA-SHA256) request exists in public fixtures, so tests make their
// own root, an intermediate and an echo-api.amazon.com leaf, and sign bodies with the leaf key.
// The root is trusted only through a test setting (TrustStore::FromPem or
// CHARIOT_ALEXA_TRUST_PEM). Header-only so any test file can include it.
#pragma once

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "platforms/crypto.h"

namespace chariot::testing {

struct TestCertificate {
  X509* cert = nullptr;
  EVP_PKEY* key = nullptr;
};

inline EVP_PKEY* MakeRsaKey() {
  EVP_PKEY* key = EVP_RSA_gen(2048);
  if (key == nullptr) throw std::runtime_error("RSA key generation failed");
  return key;
}

inline std::string ToPem(X509* cert) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  char* data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<size_t>(length));
  BIO_free(bio);
  return pem;
}

inline void AddExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
  if (extension == nullptr) throw std::runtime_error("bad extension");
  X509_add_ext(cert, extension, -1);
  X509_EXTENSION_free(extension);
}

// issuer null: self-signed. Validity in Unix seconds.
inline TestCertificate MakeCertificate(const std::string& common_name,
                                       const TestCertificate* issuer, bool is_ca,
                                       const std::string& dns_name, int64_t not_before,
                                       int64_t not_after, long serial) {
  TestCertificate out;
  out.key = MakeRsaKey();
  out.cert = X509_new();
  X509_set_version(out.cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(out.cert), serial);
  ASN1_TIME_set(X509_getm_notBefore(out.cert), static_cast<time_t>(not_before));
  ASN1_TIME_set(X509_getm_notAfter(out.cert), static_cast<time_t>(not_after));
  X509_set_pubkey(out.cert, out.key);
  X509_NAME* name = X509_get_subject_name(out.cert);
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("Chariot Test CA"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                             0);
  X509* issuer_cert = issuer != nullptr ? issuer->cert : out.cert;
  EVP_PKEY* issuer_key = issuer != nullptr ? issuer->key : out.key;
  X509_set_issuer_name(out.cert, X509_get_subject_name(issuer_cert));
  AddExtension(out.cert, issuer_cert, NID_basic_constraints,
               is_ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
  AddExtension(
      out.cert, issuer_cert, NID_key_usage,
      is_ca ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,keyEncipherment");
  AddExtension(out.cert, issuer_cert, NID_subject_key_identifier, "hash");
  if (issuer != nullptr) AddExtension(out.cert, issuer_cert, NID_authority_key_identifier, "keyid");
  if (!dns_name.empty()) {
    AddExtension(out.cert, issuer_cert, NID_subject_alt_name, ("DNS:" + dns_name).c_str());
  }
  if (X509_sign(out.cert, issuer_key, EVP_sha256()) == 0) throw std::runtime_error("sign failed");
  return out;
}

// Root -> intermediate -> leaf, valid from `from` to `to`; the leaf names `leaf_dns`.
struct TestCa {
  TestCertificate root;
  TestCertificate intermediate;
  TestCertificate leaf;
  std::string root_pem;
  std::string chain_pem;  // leaf then intermediate, as Amazon serves it

  static TestCa Make(int64_t from, int64_t to,
                     const std::string& leaf_dns = "echo-api.amazon.com") {
    TestCa ca;
    ca.root = MakeCertificate("Chariot Test Root", nullptr, true, "", from, to, 1);
    ca.intermediate = MakeCertificate("Chariot Test Intermediate", &ca.root, true, "", from, to, 2);
    ca.leaf = MakeCertificate(leaf_dns, &ca.intermediate, false, leaf_dns, from, to, 3);
    ca.root_pem = ToPem(ca.root.cert);
    ca.chain_pem = ToPem(ca.leaf.cert) + ToPem(ca.intermediate.cert);
    return ca;
  }

  // Base64 of the leaf key's RSA PKCS#1 v1.5 signature of body with digest (EVP_sha256/sha1).
  std::string Sign(const std::string& body, const EVP_MD* digest = EVP_sha256()) const {
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    size_t length = 0;
    EVP_DigestSignInit(context, nullptr, digest, nullptr, leaf.key);
    EVP_DigestSign(context, nullptr, &length, reinterpret_cast<const unsigned char*>(body.data()),
                   body.size());
    std::string signature(length, '\0');
    EVP_DigestSign(context, reinterpret_cast<unsigned char*>(signature.data()), &length,
                   reinterpret_cast<const unsigned char*>(body.data()), body.size());
    EVP_MD_CTX_free(context);
    signature.resize(length);
    return platforms::Base64Encode(signature);
  }
};

// One CA for the whole test binary: RSA key generation is slow.
inline const TestCa& SharedTestCa() {
  // Valid from 2020 to 2040: tests set their clocks inside.
  static const TestCa ca = TestCa::Make(1577836800, 2208988800);
  return ca;
}

}  // namespace chariot::testing
