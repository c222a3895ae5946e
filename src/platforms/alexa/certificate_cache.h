// CertificateCache: Alexa signing chains by URL, fetched once, kept in memory and on disk.
//
// A request names its chain by URL; the first request naming a URL makes the cache load it from
// the disk folder (a previous run's copy) or, failing that, fetch it over HTTPS. After that
// every request with that URL uses the parsed, verified chain from memory: no file or network
// I/O per request. A chain that has expired is fetched again (Amazon replaces the file behind
// the URL), at most once per minute per URL; failures are remembered for the same minute so a
// flood of requests naming a bad URL causes one fetch, not one per request.
//
// Thread safety: Get() and Put() are safe from many threads. Fetches happen one at a time,
// outside the lock that guards the map, so requests with a cached URL never wait for a fetch.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/status.h"
#include "platforms/alexa/cert_url.h"
#include "platforms/alexa/signing_certificate.h"

namespace chariot::platforms::alexa {

// Downloads the PEM served at a certificate URL.
class ChainFetcher {
 public:
  virtual ~ChainFetcher() = default;
  // The body served at url; Unavailable when the download fails.
  virtual Result<std::string> Fetch(const CertUrl& url) = 0;
};

// Fetches with cpp-httplib's SSLClient, checking s3.amazonaws.com's own TLS certificate against
// the system roots. Bodies over 64 KiB and waits over 5 seconds are refused.
class HttpsChainFetcher : public ChainFetcher {
 public:
  // ChainFetcher
  Result<std::string> Fetch(const CertUrl& url) override;
};

// Where a chain is kept on disk: folder + "/" + SHA-256 of the normalised URL + ".pem".
std::string CacheFileName(const CertUrl& url);

struct CachedChain {
  std::shared_ptr<const SigningCertificate> certificate;
  std::string origin;  // "memory", "disk", "fetched" or "given", for `chariot check`
};

class CertificateCache {
 public:
  // Borrows fetcher (may be null: nothing is ever fetched). disk_dir may be empty (memory only).
  CertificateCache(std::shared_ptr<TrustStore> trust, ChainFetcher* fetcher, std::string disk_dir);

  // The verified chain for url at now (Unix seconds); Unauthenticated when the chain does not
  // verify, Unavailable when it cannot be obtained.
  Result<CachedChain> Get(const CertUrl& url, int64_t now);

  // Loads pem as the chain for url (as if fetched) and keeps it in memory only.
  Status Put(const CertUrl& url, std::string_view pem);

  const TrustStore& trust() const { return *trust_; }

 private:
  struct Entry {
    std::shared_ptr<const SigningCertificate> certificate;
    int64_t last_attempt = INT64_MIN / 2;
    Status last_error;
  };
  static constexpr int64_t kRetrySeconds = 60;
  static constexpr size_t kMaxEntries = 256;

  Result<std::shared_ptr<const SigningCertificate>> LoadFromDisk(const CertUrl& url);
  void SaveToDisk(const CertUrl& url, const std::string& pem);

  std::shared_ptr<TrustStore> trust_;
  ChainFetcher* fetcher_;
  std::string disk_dir_;
  std::mutex mutex_;                      // guards entries_
  std::mutex fetch_mutex_;                // one fetch or disk load at a time
  std::map<std::string, Entry> entries_;  // by normalised URL
};

}  // namespace chariot::platforms::alexa
