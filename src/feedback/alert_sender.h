// AlertSender: tells the team about a detractor by POSTing a JSON alert to a webhook.
//
// Delivery is off the request path: Enqueue() puts the alert in a bounded in-memory queue and
// returns at once; one background thread sends, retrying network errors, 429 and 5xx answers
// with exponential backoff (initial_backoff_ms, doubled, up to max_attempts). Other 4xx answers
// are final. A full queue drops the new alert (counted in dropped()): a burst of detractors must
// not grow memory without bound, and the call-back list in the dashboard still has them all.
// Alerts waiting at shutdown are lost for the same reason; the list is the record, the webhook a
// nudge.
//
// Each request carries
//   X-Chariot-Timestamp: <Unix seconds>
//   X-Chariot-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>
// so the receiver can check it came from us and refuse replays of old timestamps.
//
// Thread safety: Enqueue and the counters are safe from many threads.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"

namespace chariot::feedback {

struct DetractorAlert {
  std::string session_id;
  std::string user_id;
  std::string channel;
  std::string locale;
  std::string kind;
  int score = 0;
  std::string verbatim;
  std::vector<std::string> flows;
  int64_t ended_at = 0;
};

struct WebhookOptions {
  std::string url;     // http:// or https://, with an optional path
  std::string secret;  // HMAC key; empty: the signature header is still sent, keyed with ""
  int max_attempts = 5;
  int queue_capacity = 1000;
  int initial_backoff_ms = 1000;
  int timeout_seconds = 5;
};

// "sha256=" + lower-case hex HMAC-SHA256(secret, timestamp + "." + body).
std::string SignWebhook(const std::string& secret, int64_t timestamp, const std::string& body);
// The JSON body sent for an alert.
std::string AlertBody(const DetractorAlert& alert);

class AlertSender {
 public:
  // Starts the sending thread. The clock stamps the signature.
  AlertSender(WebhookOptions options, const Clock& clock);
  // Stops the thread after the attempt in progress; alerts still queued are dropped.
  ~AlertSender();
  AlertSender(const AlertSender&) = delete;
  AlertSender& operator=(const AlertSender&) = delete;

  // Queues the alert; false when the queue is full (the alert is dropped).
  bool Enqueue(DetractorAlert alert);
  // Waits until nothing is queued or being sent, at most timeout_ms; true when idle.
  bool WaitIdle(int timeout_ms);

  int64_t delivered() const { return delivered_; }
  int64_t failed() const { return failed_; }    // given up after retries or a final 4xx
  int64_t dropped() const { return dropped_; }  // queue full
  int64_t attempts() const { return attempts_; }

 private:
  void Run();
  bool Deliver(const DetractorAlert& alert);  // true: done (delivered or final failure)

  WebhookOptions options_;
  const Clock& clock_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<DetractorAlert> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::atomic<int64_t> delivered_{0};
  std::atomic<int64_t> failed_{0};
  std::atomic<int64_t> dropped_{0};
  std::atomic<int64_t> attempts_{0};
  std::thread thread_;
};

}  // namespace chariot::feedback
