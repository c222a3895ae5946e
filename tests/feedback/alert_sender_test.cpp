// Detractor alerts against a local webhook: signature, retries, final refusals, a full queue.
#include "feedback/alert_sender.h"

#include <httplib.h>

#include <catch2/catch.hpp>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "feedback/survey_test_fixture.h"

using namespace chariot;
using namespace chariot::feedback;

namespace {

struct Received {
  std::string body;
  std::string timestamp;
  std::string signature;
};

// A webhook on 127.0.0.1:<port 0> answering the given statuses in turn (then 200).
class Webhook {
 public:
  explicit Webhook(std::vector<int> statuses) : statuses_(std::move(statuses)) {
    server_.Post("/hooks/chariot", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex_);
      received_.push_back({req.body, req.get_header_value("X-Chariot-Timestamp"),
                           req.get_header_value("X-Chariot-Signature")});
      size_t i = received_.size() - 1;
      res.status = i < statuses_.size() ? statuses_[i] : 200;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~Webhook() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hooks/chariot"; }
  std::vector<Received> received() {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_;
  }

 private:
  std::vector<int> statuses_;
  httplib::Server server_;
  std::mutex mutex_;
  std::vector<Received> received_;
  int port_ = 0;
  std::thread thread_;
};

DetractorAlert Alert(const std::string& id) {
  return {id, "u1", "alexa", "fr-FR", "nps", 2, "trop lent \xff", {"shopping"}, 1764000000};
}

}  // namespace

TEST_CASE("The webhook signature is HMAC-SHA256 of timestamp.body", "[feedback][alerts]") {
  // Reference value: printf '1700000000.{}' | openssl dgst -sha256 -hmac secret
  CHECK(SignWebhook("secret", 1700000000, "{}") ==
        "sha256=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
}

TEST_CASE("A detractor alert is signed and retried until delivered", "[feedback][alerts]") {
  Webhook hook({500, 503});
  FixedClock clock(1764000000);
  WebhookOptions options{hook.url(), "s3cret", 5, 10, 10, 5};
  AlertSender sender(options, clock);
  REQUIRE(sender.Enqueue(Alert("s1")));
  REQUIRE(sender.WaitIdle(30000));
  auto received = hook.received();
  REQUIRE(received.size() == 3);
  CHECK(sender.delivered() == 1);
  CHECK(sender.attempts() == 3);
  const Received& last = received.back();
  CHECK(last.timestamp == "1764000000");
  CHECK(last.signature == SignWebhook("s3cret", 1764000000, last.body));
  CHECK(last.signature != SignWebhook("other", 1764000000, last.body));
  auto body = nlohmann::json::parse(last.body);
  CHECK(body["type"] == "survey.detractor");
  CHECK(body["session_id"] == "s1");
  CHECK(body["score"] == 2);
}

TEST_CASE("Alerts give up on a final refusal and after the last attempt", "[feedback][alerts]") {
  Webhook refusing({400});
  FixedClock clock(1764000000);
  AlertSender once({refusing.url(), "k", 5, 10, 10, 5}, clock);
  once.Enqueue(Alert("s1"));
  REQUIRE(once.WaitIdle(30000));
  CHECK(refusing.received().size() == 1);
  CHECK(once.failed() == 1);

  Webhook down({500, 500, 500, 500});
  AlertSender retrying({down.url(), "k", 3, 10, 10, 5}, clock);
  retrying.Enqueue(Alert("s2"));
  REQUIRE(retrying.WaitIdle(30000));
  CHECK(down.received().size() == 3);
  CHECK(retrying.failed() == 1);
  CHECK(retrying.delivered() == 0);
}

TEST_CASE("A full alert queue drops new alerts instead of growing", "[feedback][alerts]") {
  FixedClock clock(1764000000);
  // Nothing listens on port 9 of 127.0.0.1: every attempt fails, the first alert stays busy.
  AlertSender sender({"http://127.0.0.1:9/x", "k", 1000, 2, 60000, 1}, clock);
  int accepted = 0;
  for (int i = 0; i < 10; ++i) accepted += sender.Enqueue(Alert(std::to_string(i))) ? 1 : 0;
  CHECK(accepted <= 3);  // at most one in flight and two queued
  CHECK(sender.dropped() == 10 - accepted);
}

TEST_CASE("An answered detractor triggers an alert through the survey", "[feedback][alerts]") {
  Webhook hook({});
  FixedClock clock(1764000000);
  AlertSender sender({hook.url(), "s3cret", 3, 10, 10, 5}, clock);
  chariot::testing::SurveyFixture f({}, &sender);
  std::string promoter = f.OpenAndFinish("p");
  f.Say("dix", promoter, "p");
  std::string detractor = f.OpenAndFinish("d");
  f.Say("deux", detractor, "d");
  f.Say("personne ne répond au téléphone", detractor, "d");
  REQUIRE(sender.WaitIdle(30000));
  auto received = hook.received();
  REQUIRE(received.size() == 1);
  auto body = nlohmann::json::parse(received[0].body);
  CHECK(body["session_id"] == detractor);
  CHECK(body["verbatim"] == "personne ne répond au téléphone");
}
