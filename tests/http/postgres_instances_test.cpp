// Two `chariot serve` instances on one PostgreSQL database (CHARIOT_DB=postgresql://...), as
// behind a load balancer: a customer's turns alternate between them, what one instance wrote
// (the session, the survey outcome, an erasure) the other sees at once, and two customers
// confirming an order on the last place of a slot at the same moment, one on each instance,
// get exactly one order.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <future>

#include "store/postgres/pg_commerce_stores.h"
#include "store/postgres/pg_database.h"
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

TEST_CASE("Two customers on two instances order the last place of a slot: exactly one succeeds",
          "[postgres][http][instances]") {
  auto& postgres = SharedPostgres();
  if (!postgres.available()) {
    WARN("PostgreSQL tests not run: " << postgres.why_unavailable());
    return;
  }
  const std::string url = PostgresUrl(postgres.NewDatabase());
  ServerProcess a(OnPostgres(url));
  ServerProcess b(OnPostgres(url));

  // The test's own connection: two customers of Paris République with a list each, and every
  // pick-up slot of the store full but the soonest one, which has one place.
  auto db = chariot::store::PgDatabase::Open(url, {1});
  REQUIRE(db.ok());
  chariot::store::PgCustomerStore customers(**db);
  chariot::store::PgListStore lists(**db);
  const std::vector<std::string> buyers = {"buyer-a", "buyer-b"};
  for (const std::string& buyer : buyers) {
    REQUIRE(customers.Put({buyer, "paris-republique", "75011", "fr-FR", 0}).ok());
    REQUIRE(lists.Add(buyer, "LAIT-ENTIER-1L", 2, 99, 0).ok());
  }
  int64_t last_slot = 0;
  REQUIRE(
      (*db)
          ->Write([&](chariot::store::PgTransaction& tx) {
            tx.Exec(
                "UPDATE slots SET booked = capacity WHERE store_id = 'paris-republique' AND "
                "fulfillment = 'pickup'");
            auto rows = tx.Exec(
                "UPDATE slots SET capacity = 1, booked = 0 WHERE id = (SELECT id FROM slots WHERE "
                "store_id = 'paris-republique' AND fulfillment = 'pickup' AND "
                "cutoff_at > extract(epoch from now())::bigint + 600 ORDER BY start_at LIMIT 1) "
                "RETURNING id");
            if (rows.size() != 1) return chariot::Status::NotFound("no pick-up slot to keep");
            last_slot = rows[0][0].as<int64_t>();
            return chariot::Status::Ok();
          })
          .ok());

  // Each customer, turns alternating between the instances, reaches "Je passe la commande ?".
  std::vector<std::string> sessions;
  for (size_t i = 0; i < buyers.size(); ++i) {
    const ServerProcess& first = i == 0 ? a : b;
    const ServerProcess& second = i == 0 ? b : a;
    json welcome = Converse(first, buyers[i], "");
    std::string session = welcome["session_id"];
    json offer =
        Converse(second, buyers[i], "je veux passer commande en retrait en magasin", session);
    INFO(offer.dump());
    REQUIRE(offer["speech"].get<std::string>().find("Je peux proposer") != std::string::npos);
    json recap = Converse(first, buyers[i], "le premier", session);
    INFO(recap.dump());
    REQUIRE(recap["speech"].get<std::string>().find("Je passe la commande ?") != std::string::npos);
    sessions.push_back(session);
  }

  // Both say yes at once, buyer-a to instance A and buyer-b to instance B.
  auto yes_a =
      std::async(std::launch::async, [&] { return Converse(a, buyers[0], "oui", sessions[0]); });
  auto yes_b =
      std::async(std::launch::async, [&] { return Converse(b, buyers[1], "oui", sessions[1]); });
  std::vector<json> answers = {yes_a.get(), yes_b.get()};
  int ordered = 0, full = 0;
  for (const json& answer : answers) {
    std::string speech = answer["speech"];
    INFO(speech);
    if (speech.find("C'est commandé") != std::string::npos) ++ordered;
    if (speech.find("Ce créneau vient d'être complet") != std::string::npos) ++full;
  }
  CHECK(ordered == 1);
  CHECK(full == 1);
  (*db)->Read([&](chariot::store::PgTransaction& tx) {
    CHECK(tx.Exec("SELECT booked FROM slots WHERE id = " + std::to_string(last_slot))[0][0]
              .as<int>() == 1);
    CHECK(tx.Exec("SELECT count(*) FROM orders")[0][0].as<int>() == 1);
    return chariot::Status::Ok();
  });
  CHECK(a.Terminate() == 0);
  CHECK(b.Terminate() == 0);
}
