// AccountLinker: who the customer behind a platform's account-linking access token is.
//
// Alexa account linking hands the skill an OAuth access token issued by the retailer's own
// account service; only that service knows which customer it belongs to. Chariot asks through
// this interface and never stores or logs the token itself.
//
// Thread safety: implementations are safe to call from many request threads.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace chariot::platforms {

class AccountLinker {
 public:
  virtual ~AccountLinker() = default;
  // The customer id for the token on that platform ("alexa"); nullopt when the token is
  // unknown, expired or revoked.
  virtual std::optional<std::string> CustomerForToken(std::string_view platform,
                                                      std::string_view access_token) const = 0;
};

// A fixed table of token digests to customers, e.g. loaded from the retailer's account export or
// filled by tests. Keys are SHA-256 hex digests of the tokens, so the table never holds a token.
class DigestAccountLinker : public AccountLinker {
 public:
  void Link(std::string_view platform, std::string_view access_token, std::string customer_id);

  // AccountLinker
  std::optional<std::string> CustomerForToken(std::string_view platform,
                                              std::string_view access_token) const override;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> customers_;  // platform + ":" + sha256(token) -> customer
};

}  // namespace chariot::platforms
