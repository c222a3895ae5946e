#include "platforms/alexa/certificate_cache.h"

#include <httplib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "platforms/crypto.h"

namespace chariot::platforms::alexa {
namespace {

constexpr size_t kMaxChainBytes = 64 * 1024;

}  // namespace

Result<std::string> HttpsChainFetcher::Fetch(const CertUrl& url) {
  httplib::SSLClient client(url.host, 443);
  client.enable_server_certificate_verification(true);
  client.set_connection_timeout(5, 0);
  client.set_read_timeout(5, 0);
  client.set_write_timeout(5, 0);
  client.set_follow_location(false);
  std::string body;
  bool too_big = false;
  auto response = client.Get(url.path.c_str(), [&](const char* data, size_t length) {
    if (body.size() + length > kMaxChainBytes) {
      too_big = true;
      return false;
    }
    body.append(data, length);
    return true;
  });
  if (too_big) return Status::Unavailable("The certificate chain served is too large.");
  if (!response) {
    return Status::Unavailable("Could not download the certificate chain (" +
                               httplib::to_string(response.error()) + ").");
  }
  if (response->status != 200) {
    return Status::Unavailable("Downloading the certificate chain answered HTTP " +
                               std::to_string(response->status) + ".");
  }
  return body;
}

std::string CacheFileName(const CertUrl& url) { return Sha256Hex(url.Normalized()) + ".pem"; }

CertificateCache::CertificateCache(std::shared_ptr<TrustStore> trust, ChainFetcher* fetcher,
                                   std::string disk_dir)
    : trust_(std::move(trust)), fetcher_(fetcher), disk_dir_(std::move(disk_dir)) {}

Result<CachedChain> CertificateCache::Get(const CertUrl& url, int64_t now) {
  const std::string key = url.Normalized();
  std::shared_ptr<const SigningCertificate> stale;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) {
      const Entry& entry = it->second;
      bool fresh = entry.certificate && now >= entry.certificate->not_before() &&
                   now <= entry.certificate->not_after();
      bool may_retry = now - entry.last_attempt >= kRetrySeconds;
      if (fresh || (!may_retry && entry.certificate))
        return CachedChain{entry.certificate, "memory"};
      if (!may_retry) return entry.last_error;
      stale = entry.certificate;
    }
  }

  std::lock_guard<std::mutex> fetch_lock(fetch_mutex_);
  {
    // Another thread may have loaded it while this one waited for the fetch lock.
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end() && now - it->second.last_attempt < kRetrySeconds) {
      if (it->second.certificate) return CachedChain{it->second.certificate, "memory"};
      return it->second.last_error;
    }
  }

  std::string origin;
  Result<std::shared_ptr<const SigningCertificate>> loaded =
      Status::Unavailable("The certificate chain is not cached and fetching is disabled.");
  if (!stale) {
    loaded = LoadFromDisk(url);
    origin = "disk";
  }
  if (!loaded.ok() && fetcher_ != nullptr) {
    Result<std::string> pem = fetcher_->Fetch(url);
    if (!pem.ok()) {
      loaded = pem.status();
    } else {
      loaded = SigningCertificate::Load(*pem, *trust_);
      if (loaded.ok()) SaveToDisk(url, *pem);
    }
    origin = "fetched";
  }

  std::lock_guard<std::mutex> lock(mutex_);
  if (entries_.size() >= kMaxEntries && entries_.find(key) == entries_.end()) {
    // Only failed URLs can pile up (Amazon uses a handful); forget those first.
    for (auto it = entries_.begin(); it != entries_.end();) {
      it = it->second.certificate ? std::next(it) : entries_.erase(it);
    }
  }
  Entry& entry = entries_[key];
  entry.last_attempt = now;
  if (loaded.ok()) {
    entry.certificate = *loaded;
    entry.last_error = Status::Ok();
    return CachedChain{entry.certificate, origin};
  }
  entry.last_error = loaded.status();
  if (entry.certificate)
    return CachedChain{entry.certificate, "memory"};  // stale; time check fails
  return loaded.status();
}

Status CertificateCache::Put(const CertUrl& url, std::string_view pem) {
  Result<std::shared_ptr<const SigningCertificate>> loaded = SigningCertificate::Load(pem, *trust_);
  if (!loaded.ok()) return loaded.status();
  std::lock_guard<std::mutex> lock(mutex_);
  Entry& entry = entries_[url.Normalized()];
  entry.certificate = *loaded;
  entry.last_error = Status::Ok();
  entry.last_attempt = INT64_MAX / 2;  // given by the caller: never refetched
  return Status::Ok();
}

Result<std::shared_ptr<const SigningCertificate>> CertificateCache::LoadFromDisk(
    const CertUrl& url) {
  if (disk_dir_.empty()) return Status::Unavailable("No disk cache.");
  std::ifstream file(disk_dir_ + "/" + CacheFileName(url), std::ios::binary);
  if (!file) return Status::Unavailable("Not in the disk cache.");
  std::stringstream text;
  text << file.rdbuf();
  // Verified again: the file is ours, but a chain is only trusted once checked in this process.
  return SigningCertificate::Load(text.str(), *trust_);
}

void CertificateCache::SaveToDisk(const CertUrl& url, const std::string& pem) {
  if (disk_dir_.empty()) return;
  std::error_code error;
  std::filesystem::create_directories(disk_dir_, error);
  std::string final_path = disk_dir_ + "/" + CacheFileName(url);
  std::string temporary = final_path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return;  // a cache that cannot be written only costs a fetch at the next start
    file << pem;
    if (!file.good()) return;
  }
  std::filesystem::rename(temporary, final_path, error);
}

}  // namespace chariot::platforms::alexa
