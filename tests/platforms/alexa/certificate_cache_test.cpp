#include "platforms/alexa/certificate_cache.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "platforms/alexa/test_ca.h"

namespace chariot::platforms::alexa {
namespace {

class CountingFetcher : public ChainFetcher {
 public:
  explicit CountingFetcher(Result<std::string> answer) : answer_(std::move(answer)) {}
  Result<std::string> Fetch(const CertUrl&) override {
    fetches++;
    return answer_;
  }
  int fetches = 0;

 private:
  Result<std::string> answer_;
};

struct TempDir {
  std::string path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("chariot-certs-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

const int64_t kNow = 1767225600;

TEST_CASE("A chain is fetched once, then served from memory and from disk", "[platforms][alexa]") {
  const auto& ca = testing::SharedTestCa();
  auto trust = *TrustStore::FromPem(ca.root_pem);
  auto url = *CheckCertUrl("https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem");
  TempDir dir;

  CountingFetcher fetcher{ca.chain_pem};
  CertificateCache cache(trust, &fetcher, dir.path);
  auto first = cache.Get(url, kNow);
  REQUIRE(first.ok());
  CHECK(first->origin == "fetched");
  for (int i = 0; i < 100; ++i) REQUIRE(cache.Get(url, kNow + i).ok());
  CHECK(fetcher.fetches == 1);
  CHECK(std::filesystem::exists(dir.path + "/" + CacheFileName(url)));

  CountingFetcher second_fetcher{Status::Unavailable("offline")};
  CertificateCache restarted(trust, &second_fetcher, dir.path);
  auto again = restarted.Get(url, kNow);
  REQUIRE(again.ok());
  CHECK(again->origin == "disk");
  CHECK(second_fetcher.fetches == 0);
}

TEST_CASE("A failed fetch is remembered for a minute", "[platforms][alexa]") {
  const auto& ca = testing::SharedTestCa();
  auto trust = *TrustStore::FromPem(ca.root_pem);
  auto url = *CheckCertUrl("https://s3.amazonaws.com/echo.api/missing.pem");
  CountingFetcher fetcher{Status::Unavailable("HTTP 404")};
  CertificateCache cache(trust, &fetcher, "");
  for (int i = 0; i < 50; ++i) CHECK_FALSE(cache.Get(url, kNow + i).ok());
  CHECK(fetcher.fetches == 1);
  CHECK_FALSE(cache.Get(url, kNow + 61).ok());
  CHECK(fetcher.fetches == 2);
}

TEST_CASE("A chain that is not trusted is not kept", "[platforms][alexa]") {
  const auto& ca = testing::SharedTestCa();
  auto other = *TrustStore::FromPem(testing::ToPem(ca.leaf.cert));  // a leaf is no root
  auto url = *CheckCertUrl("https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem");
  TempDir dir;
  CountingFetcher fetcher{ca.chain_pem};
  CertificateCache cache(other, &fetcher, dir.path);
  auto result = cache.Get(url, kNow);
  CHECK_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kUnauthenticated);
  CHECK_FALSE(std::filesystem::exists(dir.path + "/" + CacheFileName(url)));
}

TEST_CASE("Garbage served at the URL is refused", "[platforms][alexa]") {
  const auto& ca = testing::SharedTestCa();
  auto trust = *TrustStore::FromPem(ca.root_pem);
  auto url = *CheckCertUrl("https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem");
  CountingFetcher fetcher{std::string("<html>not a certificate</html>")};
  CertificateCache cache(trust, &fetcher, "");
  CHECK_FALSE(cache.Get(url, kNow).ok());
}

}  // namespace
}  // namespace chariot::platforms::alexa
