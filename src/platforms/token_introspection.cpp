#include "platforms/token_introspection.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "platforms/crypto.h"

namespace chariot::platforms {

Result<std::unique_ptr<IntrospectionAccountLinker>> IntrospectionAccountLinker::Create(
    std::string url, std::string client_id, std::string client_secret, const Clock& clock) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos ||
      (url.compare(0, scheme_end, "https") != 0 && url.compare(0, scheme_end, "http") != 0)) {
    return Status::InvalidArgument("The token introspection URL must be an http(s) URL.");
  }
  size_t path_start = url.find('/', scheme_end + 3);
  std::string origin = url.substr(0, path_start);
  std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
  return std::unique_ptr<IntrospectionAccountLinker>(new IntrospectionAccountLinker(
      origin, path, std::move(client_id), std::move(client_secret), clock));
}

IntrospectionAccountLinker::IntrospectionAccountLinker(std::string origin, std::string path,
                                                       std::string client_id,
                                                       std::string client_secret,
                                                       const Clock& clock)
    : origin_(std::move(origin)),
      path_(std::move(path)),
      client_id_(std::move(client_id)),
      client_secret_(std::move(client_secret)),
      clock_(clock) {}

std::optional<std::string> IntrospectionAccountLinker::CustomerForToken(
    std::string_view platform, std::string_view access_token) const {
  if (access_token.empty() || access_token.size() > 4096) return std::nullopt;
  const std::string key = std::string(platform) + ":" + Sha256Hex(access_token);
  const int64_t now = clock_.NowSeconds();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end() && now < it->second.expires_at) return it->second.customer;
  }

  Entry entry;
  entry.expires_at = now + kNegativeSeconds;
  httplib::Client client(origin_);
  client.set_connection_timeout(3, 0);
  client.set_read_timeout(3, 0);
  client.set_basic_auth(client_id_.c_str(), client_secret_.c_str());
  httplib::Params form = {{"token", std::string(access_token)},
                          {"token_type_hint", "access_token"}};
  auto response = client.Post(path_.c_str(), form);
  if (response && response->status == 200) {
    nlohmann::json answer = nlohmann::json::parse(response->body, nullptr, false);
    if (answer.is_object() && answer.value("active", false) == true) {
      auto sub = answer.find("sub");
      if (sub != answer.end() && sub->is_string() && !sub->get<std::string>().empty() &&
          sub->get<std::string>().size() <= 128) {
        entry.customer = sub->get<std::string>();
        int64_t until = now + kMaxPositiveSeconds;
        auto exp = answer.find("exp");
        if (exp != answer.end() && exp->is_number_integer()) {
          until = std::min(until, exp->get<int64_t>());
        }
        entry.expires_at = until;
        if (until <= now) entry.customer.reset();  // already expired
      }
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (cache_.size() >= kMaxEntries) cache_.clear();  // bounded; refills from the server
  cache_[key] = entry;
  return entry.customer;
}

}  // namespace chariot::platforms
