// The admin routes on a real `chariot serve`: credentials, the NPS and outcomes API, CSV,
// the login cookie and CSRF, the call-back list, erasure, and hostile input.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "feedback/csv.h"
#include "support/server_process.h"

using namespace chariot::testing;
using nlohmann::json;

namespace {

// One whole conversation ending with `answer` to the satisfaction question (and `why` to the
// follow-up when asked).
std::string Rate(const ServerProcess& server, const std::string& user, const std::string& answer,
                 const std::string& why = "") {
  json welcome = Converse(server, user, "");
  std::string id = welcome["session_id"];
  json question = Converse(server, user, "c'est tout", id);
  REQUIRE_FALSE(question["end_session"].get<bool>());
  json reply = Converse(server, user, answer, id);
  if (!reply["end_session"].get<bool>())
    reply = Converse(server, user, why.empty() ? "rien" : why, id);
  REQUIRE(reply["end_session"].get<bool>());
  return id;
}

httplib::Headers Admin() { return {{"Authorization", std::string("Bearer ") + kTestAdminToken}}; }

}  // namespace

TEST_CASE("Admin routes answer 401 without credentials", "[feedback][http][admin]") {
  ServerProcess server;
  auto client = server.Client();
  for (const char* path :
       {"/admin/api/nps", "/admin/api/survey-outcomes", "/admin/api/survey-outcomes.csv",
        "/admin/api/dashboard", "/admin/api/session"}) {
    INFO(path);
    auto res = client->Get(path);
    REQUIRE(res);
    CHECK(res->status == 401);
    CHECK(json::parse(res->body)["error"]["code"] == "unauthenticated");
    res = client->Get(path, {{"Authorization", "Bearer wrong"}});
    CHECK(res->status == 401);
    res = client->Get(path, {{"Authorization", std::string("Bearer ") + kTestApiToken}});
    CHECK(res->status == 401);  // the customers' API token is not an admin token
  }
  auto page = client->Get("/admin");
  REQUIRE(page);
  CHECK(page->status == 401);
  CHECK(page->body.find("name=\"token\"") != std::string::npos);  // the login form
  auto forged = client->Get("/admin", {{"Cookie", "chariot_admin=99999999999.deadbeef"}});
  CHECK(forged->status == 401);
  for (const char* cookie : {"chariot_admin=9999999999999999999.ab",
                             "chariot_admin=", "chariot_admin=.", "chariot_admin=12.34.56"}) {
    INFO(cookie);
    CHECK(client->Get("/admin/api/nps", {{"Cookie", cookie}})->status == 401);
  }
  auto post = client->Post("/admin/api/callbacks/x/contacted", "", "application/json");
  CHECK(post->status == 401);
  auto erase = client->Delete("/v1/users/alice");
  CHECK(erase->status == 401);
}

TEST_CASE("NPS and outcomes from real conversations, checked by hand", "[feedback][http][admin]") {
  ServerProcess server({"", {{"CHARIOT_SURVEY_MIN_DAYS", "0"}}});
  // 5 promoters, 3 passives, 2 detractors: NPS 30, margin 42.13 (see tests/feedback/nps_test).
  const char* answers[] = {"dix",  "neuf", "10/10", "je dirais neuf", "neuf",
                           "huit", "sept", "sept",  "bof, trois",     "six"};
  std::vector<std::string> ids;
  for (int i = 0; i < 10; ++i) {
    ids.push_back(Rate(server, "c" + std::to_string(i), answers[i], "=HYPERLINK(\"x\")"));
  }
  json declined = Converse(server, "d", "");
  Converse(server, "d", "c'est tout", declined["session_id"]);
  Converse(server, "d", "non merci", declined["session_id"]);

  auto client = server.Client();
  auto res = client->Get("/admin/api/nps", Admin());
  REQUIRE(res);
  REQUIRE(res->status == 200);
  json nps = json::parse(res->body);
  CHECK(nps["n"] == 10);
  CHECK(nps["promoters"] == 5);
  CHECK(nps["passives"] == 3);
  CHECK(nps["detractors"] == 2);
  CHECK(nps["nps"].get<double>() == Approx(30.0));
  CHECK(nps["margin95"].get<double>() == Approx(42.13).margin(0.01));
  CHECK(nps["asked"] == 11);
  CHECK(nps["response_rate"].get<double>() == Approx(10.0 / 11).margin(0.01));

  res = client->Get("/admin/api/nps?channel=alexa", Admin());
  CHECK(json::parse(res->body)["n"] == 0);
  res = client->Get("/admin/api/nps?from=2000-01-01&to=2999-12-31&locale=fr-FR", Admin());
  CHECK(json::parse(res->body)["n"] == 10);

  res = client->Get("/admin/api/survey-outcomes?limit=5", Admin());
  REQUIRE(res->status == 200);
  json page = json::parse(res->body);
  CHECK(page["outcomes"].size() == 5);
  CHECK(page["next_offset"] == 5);
  json first = page["outcomes"][0];
  for (const char* key : {"session_id", "user_id", "channel", "locale", "flows", "task_outcome",
                          "outcome", "score", "verbatim", "reason", "started_at", "ended_at"}) {
    CHECK(first.contains(key));
  }

  res = client->Get("/admin/api/survey-outcomes.csv", Admin());
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type").find("text/csv") == 0);
  auto rows = chariot::feedback::ParseCsv(res->body);
  REQUIRE(rows.size() == 12);  // header + 11 sessions
  CHECK(rows[0][0] == "session_id");
  CHECK(rows[0][11] == "ended_at");
  int detractor_rows = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() == rows[0].size());
    if (rows[i][8].empty()) continue;
    ++detractor_rows;
    CHECK(rows[i][8] == "'=HYPERLINK(\"x\")");  // neutralised, never a formula
  }
  CHECK(detractor_rows == 2);
}

TEST_CASE("Login sets a strict HttpOnly cookie and changes need the CSRF token",
          "[feedback][http][admin]") {
  ServerProcess server;
  std::string detractor = Rate(server, "grumpy", "deux", "trop cher");
  auto client = server.Client();

  auto bad = client->Post("/admin/login", "token=nope", "application/x-www-form-urlencoded");
  CHECK(bad->status == 401);
  CHECK(bad->get_header_value("Set-Cookie").empty());
  auto login = client->Post("/admin/login", std::string("token=") + kTestAdminToken,
                            "application/x-www-form-urlencoded");
  REQUIRE(login);
  CHECK(login->status == 303);
  std::string set_cookie = login->get_header_value("Set-Cookie");
  CHECK(set_cookie.find("HttpOnly") != std::string::npos);
  CHECK(set_cookie.find("SameSite=Strict") != std::string::npos);
  CHECK(set_cookie.find(kTestAdminToken) == std::string::npos);
  std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  httplib::Headers with_cookie = {{"Cookie", cookie}};

  auto page = client->Get("/admin", with_cookie);
  CHECK(page->status == 200);
  CHECK(page->body.find("dashboard.js") != std::string::npos);
  CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") == 0);

  auto session = client->Get("/admin/api/session", with_cookie);
  std::string csrf = json::parse(session->body)["csrf"];
  CHECK_FALSE(csrf.empty());

  auto dashboard = client->Get("/admin/api/dashboard", with_cookie);
  REQUIRE(dashboard->status == 200);
  json d = json::parse(dashboard->body);
  REQUIRE(d["callbacks"].size() == 1);
  CHECK(d["callbacks"][0]["session_id"] == detractor);
  CHECK(d["verbatims"][0]["verbatim"] == "trop cher");

  const std::string path = "/admin/api/callbacks/" + detractor + "/contacted";
  auto no_csrf = client->Post(path, with_cookie, "{}", "application/json");
  CHECK(no_csrf->status == 403);
  httplib::Headers wrong = {{"Cookie", cookie}, {"X-CSRF-Token", "0000"}};
  CHECK(client->Post(path, wrong, "{}", "application/json")->status == 403);
  httplib::Headers right = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  auto done = client->Post(path, right, R"({"by":"Alice"})", "application/json");
  CHECK(done->status == 200);
  d = json::parse(client->Get("/admin/api/dashboard", with_cookie)->body);
  CHECK(d["callbacks"].empty());

  auto unknown =
      client->Post("/admin/api/callbacks/nope/contacted", Admin(), "{}", "application/json");
  CHECK(unknown->status == 404);
}

TEST_CASE("Admin API refuses malformed filters", "[feedback][http][admin]") {
  ServerProcess server;
  auto client = server.Client();
  for (const char* path :
       {"/admin/api/nps?from=yesterday", "/admin/api/nps?to=2026-13-01",
        "/admin/api/nps?flow=a%27%20OR%201%3D1", "/admin/api/survey-outcomes?limit=0",
        "/admin/api/survey-outcomes?limit=99999999", "/admin/api/survey-outcomes?offset=-1",
        "/admin/api/dashboard?detractors=maybe"}) {
    INFO(path);
    auto res = client->Get(path, Admin());
    REQUIRE(res);
    CHECK(res->status == 400);
  }
  // Login and call-back bodies of the wrong shape or size.
  CHECK(client
            ->Post("/admin/login", std::string("{\"token\":\"") + kTestAdminToken + "\"}",
                   "application/json")
            ->status == 401);
  CHECK(client
            ->Post("/admin/login", "token=" + std::string(100000, 'a'),
                   "application/x-www-form-urlencoded")
            ->status == 413);
  CHECK(
      client->Post("/admin/api/callbacks/s1/contacted", Admin(), R"({"by":5})", "application/json")
          ->status == 400);
  CHECK(
      client->Post("/admin/api/callbacks/s1/contacted", Admin(), "[", "application/json")->status ==
      400);
  CHECK(client->Post("/admin/api/callbacks/s1/contacted", Admin(), "{}", "application/json")
            ->status == 404);
  std::string long_flow = "/admin/api/nps?flow=" + std::string(5000, 'a');
  auto res = client->Get(long_flow.c_str(), Admin());
  REQUIRE(res);
  CHECK(res->status >= 400);
}

TEST_CASE("DELETE /v1/users/{id} erases a customer and keeps anonymised ratings",
          "[feedback][http][admin]") {
  ServerProcess server;
  std::string id = Rate(server, "alice", "un", "je suis très déçue");
  Rate(server, "bob", "trois", "moyen");
  auto client = server.Client();
  httplib::Headers api = {{"Authorization", std::string("Bearer ") + kTestApiToken}};
  auto res = client->Delete("/v1/users/alice", api);
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(json::parse(res->body)["anonymised_rows"].get<int>() >= 1);
  json all = json::parse(client->Get("/admin/api/survey-outcomes", Admin())->body);
  bool found = false;
  for (const auto& o : all["outcomes"]) {
    CHECK(o["user_id"] != "alice");
    if (o["session_id"] == id) {
      found = true;
      CHECK(o["score"] == 1);
      CHECK(o["verbatim"] == "");
    }
  }
  CHECK(found);
  CHECK(client->Delete("/v1/users/bad%20id", api)->status == 400);
  CHECK(client->Delete("/v1/users/nobody", api)->status == 200);
}
