// The hardened server's limits, checked against a real `chariot serve` over HTTP.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include "support/server_process.h"

using chariot::testing::kTestApiToken;
using chariot::testing::ServerProcess;
using nlohmann::json;

namespace {

// Sends raw bytes on a fresh connection and returns everything the server answers.
std::string RawExchange(int port, const std::string& request) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return "";
  timeval timeout{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string answer;
  char buffer[4096];
  ssize_t n;
  while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0) {
    answer.append(buffer, static_cast<size_t>(n));
    if (answer.find("\r\n\r\n") != std::string::npos &&
        answer.find("Connection: close") != std::string::npos) {
      // The server closes after refusing; keep reading until it does.
      continue;
    }
  }
  close(fd);
  return answer;
}

int StatusOf(const std::string& raw) {
  if (raw.size() < 12) return 0;
  return std::stoi(raw.substr(9, 3));
}

std::string Auth() { return std::string("Authorization: Bearer ") + kTestApiToken + "\r\n"; }

}  // namespace

TEST_CASE("the server refuses what it must not parse, and stays up", "[http][limits]") {
  ServerProcess server;

  SECTION("a 2 MB body is refused with 413 before it is read") {
    std::string body(2 * 1024 * 1024, 'a');
    auto res = server.Client()->Post("/v1/converse",
                                     {{"Authorization", std::string("Bearer ") + kTestApiToken}},
                                     body, "application/json");
    // The server may close before the client finished sending; either way no 200.
    if (res) {
      CHECK(res->status == 413);
      CHECK(json::parse(res->body)["error"]["code"] == "too_large");
    }
  }

  SECTION("a chunked body is refused with 411") {
    std::string raw = RawExchange(
        server.port(), "POST /v1/converse HTTP/1.1\r\nHost: x\r\n" + Auth() +
                           "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                           "5\r\n{\"a\":\r\n0\r\n\r\n");
    CHECK(StatusOf(raw) == 411);
    CHECK(raw.find("length_required") != std::string::npos);
  }

  SECTION("a POST without Content-Length is refused with 411") {
    std::string raw = RawExchange(server.port(), "POST /v1/converse HTTP/1.1\r\nHost: x\r\n" +
                                                     Auth() + "Connection: close\r\n\r\n");
    CHECK(StatusOf(raw) == 411);
  }

  SECTION("a gzip-encoded body is refused with 415") {
    auto res = server.Client()->Post(
        "/v1/converse",
        {{"Authorization", std::string("Bearer ") + kTestApiToken}, {"Content-Encoding", "gzip"}},
        std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8), "application/json");
    REQUIRE(res);
    CHECK(res->status == 415);
    CHECK(json::parse(res->body)["error"]["code"] == "unsupported_media_type");
  }

  SECTION("10 000-deep JSON is refused with 400 and the server is still alive") {
    std::string deep = std::string(10000, '[') + std::string(10000, ']');
    auto res = server.Client()->Post("/v1/converse",
                                     {{"Authorization", std::string("Bearer ") + kTestApiToken}},
                                     deep, "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(json::parse(res->body)["error"]["message"].get<std::string>().find("deeper") !=
          std::string::npos);
    auto health = server.Get("/healthz", "");
    REQUIRE(health);
    CHECK(health->status == 200);
  }

  SECTION("invalid JSON and wrong types get a clear 400") {
    auto res = server.Client()->Post("/v1/converse",
                                     {{"Authorization", std::string("Bearer ") + kTestApiToken}},
                                     "{not json", "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
    auto wrong_type = server.PostJson("/v1/converse", {{"user_id", 42}, {"text", "bonjour"}});
    REQUIRE(wrong_type);
    CHECK(wrong_type->status == 400);
    CHECK(json::parse(wrong_type->body)["error"]["message"] == "'user_id' must be a string");
    auto bad_user = server.PostJson("/v1/converse", {{"user_id", "a b<script>"}, {"text", ""}});
    REQUIRE(bad_user);
    CHECK(bad_user->status == 400);
  }

  SECTION("missing or wrong token: 401 with the JSON error") {
    auto missing = server.PostJson("/v1/converse", {{"user_id", "u1"}, {"text", ""}}, "");
    REQUIRE(missing);
    CHECK(missing->status == 401);
    CHECK(json::parse(missing->body)["error"]["code"] == "unauthenticated");
    auto wrong = server.PostJson("/v1/converse", {{"user_id", "u1"}, {"text", ""}}, "nope");
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
  }

  SECTION("an unknown route is a JSON 404") {
    auto res = server.Get("/no/such/route", "");
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(json::parse(res->body)["error"]["code"] == "not_found");
  }

  SECTION("health, readiness and metrics answer") {
    auto ready = server.Get("/readyz", "");
    REQUIRE(ready);
    CHECK(ready->status == 200);
    // One keep-alive connection: a request is counted (after its response is written) before
    // the next one on the same connection is read, so /metrics sees the /healthz before it.
    auto client = server.Client();
    client->set_keep_alive(true);
    REQUIRE(client->Get("/healthz")->status == 200);
    auto metrics = client->Get("/metrics");
    REQUIRE(metrics);
    CHECK(metrics->body.find("chariot_http_requests_total{route=\"/healthz\",status=\"200\"}") !=
          std::string::npos);
    CHECK(metrics->body.find("chariot_http_request_duration_seconds_bucket") != std::string::npos);
    CHECK(metrics->body.find("chariot_pool_queue_depth") != std::string::npos);
  }
}

TEST_CASE("a full pool answers 503 with Retry-After instead of queueing", "[http][limits]") {
  chariot::testing::ServerOptions options;
  options.env = {{"CHARIOT_THREADS", "2"}, {"CHARIOT_MAX_QUEUED", "1"}};
  ServerProcess server(options);
  // Three silent connections: two hold both workers (waiting for a request line), one waits
  // in the queue. The fourth has nowhere to go.
  std::vector<int> idle;
  for (int i = 0; i < 3; ++i) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(server.port()));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    idle.push_back(fd);
  }
  usleep(200 * 1000);  // let the accept loop hand them out
  std::string raw = RawExchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(StatusOf(raw) == 503);
  CHECK(raw.find("Retry-After: 1") != std::string::npos);
  for (int fd : idle) close(fd);
  // Once the idle connections are gone the server serves again.
  usleep(200 * 1000);
  auto health = server.Get("/healthz", "");
  REQUIRE(health);
  CHECK(health->status == 200);
}

TEST_CASE("SIGTERM drains and exits 0", "[http]") {
  ServerProcess server;
  REQUIRE(server.Get("/healthz", "")->status == 200);
  CHECK(server.Terminate() == 0);
}
