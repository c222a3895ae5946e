// A stand-in for the retailer's OAuth token introspection endpoint (RFC 7662), in the test
// process: "Atza|valid-token" and "Atza|linked-token-of-customer-42" are active for
// customer-42 when the client authenticates as chariot:s3cret; everything else is inactive.
#pragma once

#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

namespace chariot::testing {

struct FakeOAuthServer {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::atomic<int> calls{0};
  std::atomic<bool> saw_basic_auth{false};

  explicit FakeOAuthServer(int64_t exp) {
    server.Post("/oauth2/introspect", [this, exp](const httplib::Request& req,
                                                  httplib::Response& res) {
      calls++;
      saw_basic_auth = req.get_header_value("Authorization") == "Basic Y2hhcmlvdDpzM2NyZXQ=";
      std::string token = req.get_param_value("token");
      bool active = (token == "Atza|valid-token" || token == "Atza|linked-token-of-customer-42") &&
                    saw_basic_auth;
      nlohmann::json body = {{"active", active}};
      if (active) {
        body["sub"] = "customer-42";
        body["exp"] = exp;
      }
      res.set_content(body.dump(), "application/json");
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    // bind_to_any_port already listens: connections wait in the backlog until the loop runs.
  }
  ~FakeOAuthServer() {
    server.stop();
    thread.join();
  }
  std::string Url() const {
    return "http://127.0.0.1:" + std::to_string(port) + "/oauth2/introspect";
  }
};

}  // namespace chariot::testing
