// The support flow through POST /v1/converse on a real `chariot serve`, with Chariot's own
// understanding: the gas flow's first reply, emergency words mid-shopping, an urgent leak and a
// power cut, and the ticket they leave behind in GET /v1/users/{id}/tickets.
#include <catch2/catch.hpp>

#include "support/server_process.h"

using chariot::testing::Converse;
using chariot::testing::ServerProcess;
using nlohmann::json;

namespace {

bool Has(const json& reply, const std::string& part) {
  return reply["speech"].get<std::string>().find(part) != std::string::npos;
}

json Tickets(const ServerProcess& server, const std::string& user) {
  auto res = server.Get("/v1/users/" + user + "/tickets");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  return json::parse(res->body)["tickets"];
}

}  // namespace

TEST_CASE("over HTTP, a gas smell gets the number at once and the session ends",
          "[support][http][emergency]") {
  ServerProcess server;
  json reply = Converse(server, "gina", "ça sent le gaz");
  CHECK(Has(reply, "0 800 47 33 33"));
  CHECK(Has(reply, "Sortez"));
  CHECK(reply["ssml"].get<std::string>().find("interpret-as=\"telephone\"") != std::string::npos);
  CHECK(reply["end_session"] == true);
  CHECK_FALSE(Has(reply, "zéro à dix"));
  json tickets = Tickets(server, "gina");
  REQUIRE(tickets.size() == 1);
  CHECK(tickets[0]["problem"] == "gas_smell");
  CHECK(tickets[0]["severity"] == "emergency");
}

TEST_CASE("over HTTP, gas words in the middle of a shopping session switch to safety",
          "[support][http][emergency]") {
  ServerProcess server;
  json first = Converse(server, "sam", "ajoute du lait");
  REQUIRE(first["end_session"] == false);
  json reply = Converse(server, "sam", "ça sent le gaz", first["session_id"]);
  CHECK(Has(reply, "0 800 47 33 33"));
  CHECK(reply["end_session"] == true);
}

TEST_CASE("over HTTP, an urgent leak: the valve, then a question", "[support][http][urgent]") {
  ServerProcess server;
  json reply = Converse(server, "lou", "j'ai une fuite d'eau sous l'évier");
  CHECK(Has(reply, "robinet d'arrivée d'eau"));
  CHECK(Has(reply, "arrêtée"));
  CHECK(reply["end_session"] == false);
  json tickets = Tickets(server, "lou");
  REQUIRE(tickets.size() == 1);
  CHECK(tickets[0]["problem"] == "water_leak");
  CHECK(tickets[0]["severity"] == "urgent");
  CHECK(tickets[0]["status"] == "open");
}

TEST_CASE("over HTTP, a power cut ends on the Enedis line of the postcode",
          "[support][http][urgent]") {
  ServerProcess server;
  json reply = Converse(server, "pat", "plus de courant");
  CHECK(Has(reply, "disjoncteur"));
  std::string session = reply["session_id"];
  reply = Converse(server, "pat", "non", session);
  INFO(reply.dump());
  reply = Converse(server, "pat", "non", session);
  INFO(reply.dump());
  CHECK(Has(reply, "code postal"));
  reply = Converse(server, "pat", "69003", session);
  CHECK(Has(reply, "09 72 67 50 69"));
}

TEST_CASE("over HTTP, a routine lawnmower in US English, one step at a time",
          "[support][http][routine]") {
  ServerProcess server;
  json reply = Converse(server, "max", "my mower won't start", "", "en-US");
  CHECK(Has(reply, "gas in the tank"));
  CHECK_FALSE(Has(reply, "safety bar"));
  std::string session = reply["session_id"];
  reply = Converse(server, "max", "still not", session, "en-US");
  CHECK(Has(reply, "safety bar"));
  reply = Converse(server, "max", "it works", session, "en-US");
  CHECK(Has(reply, "glad it works"));
  json tickets = Tickets(server, "max");
  REQUIRE(tickets.size() == 1);
  CHECK(tickets[0]["problem"] == "lawnmower");
  CHECK(tickets[0]["severity"] == "routine");
  CHECK(tickets[0]["status"] == "resolved");
}
