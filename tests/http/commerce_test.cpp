// The list and orders over HTTP against a real `chariot serve`: the app and the voice share the
// same data, concurrent edits lose nothing, and hostile requests get clean errors.
#include <catch2/catch.hpp>
#include <thread>

#include "support/server_process.h"

using namespace chariot;
using chariot::testing::kTestApiToken;
using chariot::testing::ServerProcess;
using nlohmann::json;

namespace {

httplib::Headers Auth(const std::string& token = kTestApiToken) {
  return {{"Authorization", "Bearer " + token}};
}

json Body(const httplib::Result& result) {
  REQUIRE(result);
  return json::parse(result->body);
}

httplib::Result Post(const ServerProcess& s, const std::string& path, const json& body) {
  return s.Client()->Post(path, Auth(), body.dump(), "application/json");
}
httplib::Result Patch(const ServerProcess& s, const std::string& path, const json& body) {
  return s.Client()->Patch(path, Auth(), body.dump(), "application/json");
}
httplib::Result Delete(const ServerProcess& s, const std::string& path) {
  return s.Client()->Delete(path, Auth());
}

double QuantityOf(const json& list, const std::string& sku) {
  for (const auto& item : list["items"]) {
    if (item["sku"] == sku) return item["quantity"].get<double>();
  }
  return 0;
}

}  // namespace

TEST_CASE("the app edits the list and the voice reads it next", "[http][commerce]") {
  ServerProcess server;
  auto empty = server.Get("/v1/users/alice/list");
  REQUIRE(empty);
  CHECK(empty->status == 200);
  CHECK(Body(empty)["items"].empty());

  auto added =
      Post(server, "/v1/users/alice/list", {{"sku", "LAIT-DEMI-ECREME-1L"}, {"quantity", 2}});
  REQUIRE(added);
  CHECK(added->status == 200);
  json list = Body(added);
  REQUIRE(list["items"].size() == 1);
  CHECK(list["items"][0]["name"] == "Lait demi-écrémé 1 L");
  CHECK(list["items"][0]["quantity"] == 2);
  CHECK(list["items"][0]["unit"] == "unit");
  Post(server, "/v1/users/alice/list", {{"sku", "POMMES-GOLDEN"}, {"quantity", 1.5}});
  Post(server, "/v1/users/alice/list", {{"sku", "BAGUETTE-TRADITION"}});
  CHECK(
      QuantityOf(Body(Patch(server, "/v1/users/alice/list/BAGUETTE-TRADITION", {{"quantity", 3}})),
                 "BAGUETTE-TRADITION") == 3);
  CHECK(QuantityOf(Body(Patch(server, "/v1/users/alice/list",
                              {{"sku", "BAGUETTE-TRADITION"}, {"quantity", 2}})),
                   "BAGUETTE-TRADITION") == 2);

  // The voice reads what the app wrote.
  json hello = testing::Converse(server, "alice", "");
  json read =
      testing::Converse(server, "alice", "qu'est-ce qu'il y a sur ma liste", hello["session_id"]);
  CHECK(read["speech"].get<std::string>().find("deux litres de lait demi-écrémé") !=
        std::string::npos);
  CHECK(read["speech"].get<std::string>().find("un kilo et demi de pommes Golden") !=
        std::string::npos);
  CHECK(read["speech"].get<std::string>().find("deux baguettes tradition") != std::string::npos);

  // And the app sees what the voice added.
  testing::Converse(server, "alice", "ajoute du beurre doux", hello["session_id"]);
  json after = Body(server.Get("/v1/users/alice/list"));
  CHECK(QuantityOf(after, "BEURRE-DOUX-250G") == 1);

  auto removed = Delete(server, "/v1/users/alice/list/POMMES-GOLDEN");
  REQUIRE(removed);
  CHECK(removed->status == 200);
  CHECK(QuantityOf(Body(removed), "POMMES-GOLDEN") == 0);
  auto cleared = Delete(server, "/v1/users/alice/list");
  CHECK(Body(cleared)["items"].empty());
}

TEST_CASE("two channels changing the same list at once lose nothing", "[http][commerce]") {
  ServerProcess server;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      auto client = server.Client();
      for (int i = 0; i < 10; ++i) {
        auto r = client->Post("/v1/users/alice/list", Auth(),
                              json{{"sku", "BAGUETTE-TRADITION"}, {"quantity", 1}}.dump(),
                              "application/json");
        if (r && r->status == 200) ++ok;
      }
    });
  }
  // Meanwhile the voice adds milk to the same list.
  json hello = testing::Converse(server, "alice", "");
  testing::Converse(server, "alice", "ajoute deux litres de lait demi-écrémé", hello["session_id"]);
  for (auto& t : threads) t.join();
  CHECK(ok.load() == 40);
  json list = Body(server.Get("/v1/users/alice/list"));
  CHECK(QuantityOf(list, "BAGUETTE-TRADITION") == 40);
  CHECK(QuantityOf(list, "LAIT-DEMI-ECREME-1L") == 2);
}

TEST_CASE("an order placed by voice is in the app's order list", "[http][commerce]") {
  ServerProcess server;
  Post(server, "/v1/users/bob/list", {{"sku", "LAIT-DEMI-ECREME-1L"}, {"quantity", 2}});
  json hello = testing::Converse(server, "bob", "");
  std::string session = hello["session_id"];
  testing::Converse(server, "bob", "je veux passer commande en retrait en magasin", session);
  json step = testing::Converse(server, "bob", "75011", session);
  INFO(step.dump());
  step = testing::Converse(server, "bob", "le premier", session);
  INFO(step.dump());
  CHECK(step["speech"].get<std::string>().find("Je passe la commande ?") != std::string::npos);
  step = testing::Converse(server, "bob", "oui", session);
  CHECK(step["speech"].get<std::string>().find("C'est commandé") != std::string::npos);
  json orders = Body(server.Get("/v1/users/bob/orders"));
  REQUIRE(orders["orders"].size() == 1);
  json order = orders["orders"][0];
  CHECK(order["status"] == "confirmed");
  CHECK(order["fulfillment"] == "pickup");
  CHECK(order["total_cents"] == 218);
  CHECK(order["items"].size() == 1);
  CHECK(order["slot_start"].get<std::string>().size() == 20);
  CHECK(Body(server.Get("/v1/users/alice/orders"))["orders"].empty());
  CHECK(Body(server.Get("/v1/users/bob/list"))["items"].empty());
}

TEST_CASE("hostile requests on the commerce routes", "[http][commerce]") {
  ServerProcess server;
  Post(server, "/v1/users/alice/list", {{"sku", "LAIT-DEMI-ECREME-1L"}, {"quantity", 2}});

  SECTION("another customer's id sees and changes only its own list") {
    CHECK(Body(server.Get("/v1/users/mallory/list"))["items"].empty());
    auto steal = Delete(server, "/v1/users/mallory/list/LAIT-DEMI-ECREME-1L");
    REQUIRE(steal);
    CHECK(steal->status == 404);
    auto patch = Patch(server, "/v1/users/mallory/list/LAIT-DEMI-ECREME-1L", {{"quantity", 1}});
    CHECK(patch->status == 404);
    CHECK(QuantityOf(Body(server.Get("/v1/users/alice/list")), "LAIT-DEMI-ECREME-1L") == 2);
  }
  SECTION("no token or a wrong token") {
    CHECK(server.Get("/v1/users/alice/list", "wrong")->status == 401);
    auto client = server.Client();
    CHECK(client->Get("/v1/users/alice/list")->status == 401);
    CHECK(client->Get("/v1/users/alice/orders")->status == 401);
  }
  SECTION("quantities: huge, negative, zero, wrong type, fractional count") {
    for (const json& q : {json(1e12), json(-2), json(0), json("deux"), json(nullptr), json(1.5)}) {
      auto r =
          Post(server, "/v1/users/alice/list", {{"sku", "BAGUETTE-TRADITION"}, {"quantity", q}});
      REQUIRE(r);
      INFO(q.dump());
      CHECK(r->status == 400);
      CHECK(Body(r)["error"]["code"] == "invalid_argument");
    }
    auto r = Patch(server, "/v1/users/alice/list/LAIT-DEMI-ECREME-1L", {{"quantity", -1}});
    CHECK(r->status == 400);
    CHECK(QuantityOf(Body(server.Get("/v1/users/alice/list")), "LAIT-DEMI-ECREME-1L") == 2);
  }
  SECTION("unknown sku, missing sku, wrong body") {
    CHECK(Post(server, "/v1/users/alice/list", {{"sku", "NO-SUCH-THING"}})->status == 404);
    CHECK(Post(server, "/v1/users/alice/list", {{"quantity", 1}})->status == 400);
    CHECK(Post(server, "/v1/users/alice/list", {{"sku", 42}})->status == 400);
    CHECK(Post(server, "/v1/users/alice/list", {{"sku", std::string(5000, 'A')}})->status == 400);
    auto client = server.Client();
    CHECK(client->Post("/v1/users/alice/list", Auth(), "[1,2", "application/json")->status == 400);
    CHECK(client->Post("/v1/users/alice/list", Auth(), "[1]", "application/json")->status == 400);
    CHECK(Delete(server, "/v1/users/alice/list/NO-SUCH-THING")->status == 404);
  }
  SECTION("a malformed customer id") {
    CHECK(server.Get("/v1/users/%3Cscript%3E/list")->status == 400);
    CHECK(server.Get("/v1/users/" + std::string(200, 'a') + "/list")->status == 400);
  }
}
