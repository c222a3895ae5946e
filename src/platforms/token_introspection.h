// IntrospectionAccountLinker: maps an account-linking access token to the customer by asking the
// retailer's OAuth server (OAuth 2.0 Token Introspection, RFC 7662).
//
// POST <url> (application/x-www-form-urlencoded: token=...&token_type_hint=access_token), with
// HTTP basic auth of the client id and secret; the answer {"active":true,"sub":"<customer id>",
// "exp":<unix seconds>} links the token to `sub`. Answers are cached by the token's SHA-256 (the
// token itself is never kept): an active token until its exp (at most an hour), an inactive or
// failed one for a minute. So a customer's requests cost one introspection per token, not one
// per request.
//
// Thread safety: CustomerForToken() is safe from many threads; the cache is locked, the HTTP
// call is made outside the lock.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "platforms/account_linker.h"

namespace chariot::platforms {

class IntrospectionAccountLinker : public AccountLinker {
 public:
  // url: "https://auth.example.fr/oauth2/introspect" (http allowed for tests). Borrows clock.
  // InvalidArgument when the URL cannot be used.
  static Result<std::unique_ptr<IntrospectionAccountLinker>> Create(std::string url,
                                                                    std::string client_id,
                                                                    std::string client_secret,
                                                                    const Clock& clock);

  // AccountLinker
  std::optional<std::string> CustomerForToken(std::string_view platform,
                                              std::string_view access_token) const override;

 private:
  IntrospectionAccountLinker(std::string origin, std::string path, std::string client_id,
                             std::string client_secret, const Clock& clock);
  struct Entry {
    std::optional<std::string> customer;
    int64_t expires_at = 0;
  };
  static constexpr int64_t kMaxPositiveSeconds = 3600;
  static constexpr int64_t kNegativeSeconds = 60;
  static constexpr size_t kMaxEntries = 100000;

  std::string origin_;  // "https://auth.example.fr:443"
  std::string path_;
  std::string client_id_;
  std::string client_secret_;
  const Clock& clock_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, Entry> cache_;  // sha256(token) -> answer
};

}  // namespace chariot::platforms
