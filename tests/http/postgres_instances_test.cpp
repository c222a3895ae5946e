// Two `chariot serve` instances on one PostgreSQL database (CHARIOT_DB=postgresql://...), as
// behind a load balancer: a customer's turns alternate between them, and what one instance
// wrote (the session, the survey outcome, an erasure) the other sees at once.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/server_process.h"
#include "support/store_backends.h"

using namespace chariot::testing;
using nlohmann::json;

namespace {

ServerOptions OnPostgres(const std::string& url) {
  ServerOptions options;
  options.db_path = url;
  options.env["CHARIOT_DB_POOL"] = "4";
  return options;
}

httplib::Headers Admin() { return {{"Authorization", std::string("Bearer ") + kTestAdminToken}}; }

}  // namespace

TEST_CASE("Two instances on one PostgreSQL database share the conversation",
          "[postgres][http][instances]") {
  auto& postgres = SharedPostgres();
  if (!postgres.available()) {
    WARN("PostgreSQL tests not run: " << postgres.why_unavailable());
    return;
  }
  const std::string url = PostgresUrl(postgres.NewDatabase());
  ServerProcess a(OnPostgres(url));
  ServerProcess b(OnPostgres(url));
  for (const ServerProcess* server : {&a, &b}) {
    auto ready = server->Get("/readyz");
    REQUIRE(ready);
    CHECK(ready->status == 200);
  }

  // Welcome on A, the rest alternating: each instance loads the session the other saved.
  json welcome = Converse(a, "alice", "");
  std::string session = welcome["session_id"];
  REQUIRE_FALSE(session.empty());
  json question = Converse(b, "alice", "c'est tout", session);
  INFO(question.dump());
  REQUIRE_FALSE(question["end_session"].get<bool>());
  json reply = Converse(a, "alice", "3", session);
  if (!reply["end_session"].get<bool>()) reply = Converse(b, "alice", "trop lent", session);
  INFO(reply.dump());
  REQUIRE(reply["end_session"].get<bool>());

  // The outcome written by one instance is on the dashboard of both.
  for (const ServerProcess* server : {&a, &b}) {
    auto listed = server->Client()->Get("/admin/api/survey-outcomes", Admin());
    REQUIRE(listed);
    REQUIRE(listed->status == 200);
    CHECK(listed->body.find(session) != std::string::npos);
  }

  // Erasure through B removes what A stored for the customer.
  auto erased = b.Client()->Delete("/v1/users/alice", Admin());
  REQUIRE(erased);
  CHECK(erased->status == 200);
  auto after = a.Client()->Get("/admin/api/survey-outcomes", Admin());
  REQUIRE(after);
  CHECK(after->body.find("\"alice\"") == std::string::npos);
  CHECK(a.Terminate() == 0);
  CHECK(b.Terminate() == 0);
}

TEST_CASE("An unreachable PostgreSQL is one clear sentence at start", "[postgres][http]") {
  ServerOptions options;
  options.db_path = "postgresql:///nowhere?host=/nonexistent-socket-dir&port=1&connect_timeout=2";
  bool started = true;
  try {
    ServerProcess server(options);
  } catch (const std::exception& e) {
    started = false;
    CHECK(std::string(e.what()).find("PostgreSQL") != std::string::npos);
  }
  CHECK_FALSE(started);
}
