#include "platforms/account_linker.h"

#include "platforms/crypto.h"

namespace chariot::platforms {

void DigestAccountLinker::Link(std::string_view platform, std::string_view access_token,
                               std::string customer_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  customers_[std::string(platform) + ":" + Sha256Hex(access_token)] = std::move(customer_id);
}

std::optional<std::string> DigestAccountLinker::CustomerForToken(
    std::string_view platform, std::string_view access_token) const {
  if (access_token.empty()) return std::nullopt;
  std::string key = std::string(platform) + ":" + Sha256Hex(access_token);
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = customers_.find(key);
  if (it == customers_.end()) return std::nullopt;
  return it->second;
}

}  // namespace chariot::platforms
