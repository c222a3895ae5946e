#include "feedback/alert_sender.h"

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <nlohmann/json.hpp>

namespace chariot::feedback {
namespace {

struct SplitUrl {
  std::string origin;  // scheme://host[:port]
  std::string path;    // "/..." (at least "/")
};

SplitUrl Split(const std::string& url) {
  size_t scheme_end = url.find("://");
  size_t path_start =
      scheme_end == std::string::npos ? std::string::npos : url.find('/', scheme_end + 3);
  if (path_start == std::string::npos) return {url, "/"};
  return {url.substr(0, path_start), url.substr(path_start)};
}

}  // namespace

std::string SignWebhook(const std::string& secret, int64_t timestamp, const std::string& body) {
  std::string message = std::to_string(timestamp) + "." + body;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  static const char* kHex = "0123456789abcdef";
  std::string hex = "sha256=";
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

std::string AlertBody(const DetractorAlert& alert) {
  nlohmann::json body = {{"type", "survey.detractor"}, {"session_id", alert.session_id},
                         {"user_id", alert.user_id},   {"channel", alert.channel},
                         {"locale", alert.locale},     {"kind", alert.kind},
                         {"score", alert.score},       {"verbatim", alert.verbatim},
                         {"flows", alert.flows},       {"ended_at", alert.ended_at}};
  // Verbatims are customers' words: replace invalid UTF-8 rather than fail to send.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

AlertSender::AlertSender(WebhookOptions options, const Clock& clock)
    : options_(std::move(options)), clock_(clock) {
  thread_ = std::thread([this] { Run(); });
}

AlertSender::~AlertSender() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool AlertSender::Enqueue(DetractorAlert alert) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ || static_cast<int>(queue_.size()) >= options_.queue_capacity) {
      ++dropped_;
      return false;
    }
    queue_.push_back(std::move(alert));
  }
  wake_.notify_one();
  return true;
}

bool AlertSender::WaitIdle(int timeout_ms) {
  std::unique_lock<std::mutex> lock(mutex_);
  return idle_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                        [&] { return queue_.empty() && !busy_; });
}

void AlertSender::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (stopping_) break;
    DetractorAlert alert = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    int backoff_ms = options_.initial_backoff_ms;
    for (int attempt = 1;; ++attempt) {
      lock.unlock();
      bool done = Deliver(alert);
      lock.lock();
      if (done) break;
      if (attempt >= options_.max_attempts) {
        ++failed_;
        break;
      }
      // Sleep before the next attempt, but wake at once on shutdown.
      if (wake_.wait_for(lock, std::chrono::milliseconds(backoff_ms), [&] { return stopping_; })) {
        break;
      }
      backoff_ms *= 2;
    }
    busy_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
  busy_ = false;
  idle_.notify_all();
}

bool AlertSender::Deliver(const DetractorAlert& alert) {
  ++attempts_;
  const std::string body = AlertBody(alert);
  const int64_t timestamp = clock_.NowSeconds();
  SplitUrl url = Split(options_.url);
  httplib::Client client(url.origin);
  client.set_connection_timeout(options_.timeout_seconds, 0);
  client.set_read_timeout(options_.timeout_seconds, 0);
  client.set_write_timeout(options_.timeout_seconds, 0);
  httplib::Headers headers = {
      {"X-Chariot-Timestamp", std::to_string(timestamp)},
      {"X-Chariot-Signature", SignWebhook(options_.secret, timestamp, body)},
      {"User-Agent", "chariot-alerts"}};
  auto result = client.Post(url.path.c_str(), headers, body, "application/json");
  if (!result) return false;  // network error: retry
  int status = result->status;
  if (status >= 200 && status < 300) {
    ++delivered_;
    return true;
  }
  if (status == 429 || status >= 500) return false;
  ++failed_;  // a final refusal (bad URL, bad signature on their side): retrying will not help
  return true;
}

}  // namespace chariot::feedback
