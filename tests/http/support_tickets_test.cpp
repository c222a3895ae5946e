// GET /v1/users/{user_id}/tickets against a real `chariot serve`, and the hostile inputs it must
// refuse. Tickets are seeded in the database file before the server starts.
#include <catch2/catch.hpp>
#include <ctime>

#include "app/paths.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_appointment_store.h"
#include "store/sqlite/sqlite_ticket_store.h"
#include "support/server_process.h"
#include "support/support_service.h"

using namespace chariot;
using chariot::testing::ServerOptions;
using chariot::testing::ServerProcess;
using nlohmann::json;

namespace {

struct Seeded {
  int64_t leak_ticket = 0;
  int64_t mower_ticket = 0;
  support::Appointment callback;
};

// Alice reports a leak (urgent, a callback booked) then a lawnmower (routine); Bob a gas smell.
Seeded Seed(const std::string& db_path) {
  Seeded seeded;
  auto db = std::move(*store::Database::Open(db_path));
  const auto paths = app::ResolveResourcePaths();
  REQUIRE(store::Migrate(*db, *store::LoadMigrations(paths.migrations_dir)).ok());
  store::SqliteTicketStore tickets(*db);
  store::SqliteAppointmentStore appointments(*db);
  FixedClock clock(std::time(nullptr));  // the server runs on the real clock
  auto service =
      std::move(*support::SupportService::Load(paths.data_dir, tickets, appointments, clock));
  auto leak = service->OpenTicket(
      {"alice", "water_leak", support::Tier::kUrgent, "fuite sous l'évier", "", "api", "fr-FR"});
  REQUIRE(leak.ok());
  seeded.leak_ticket = leak->id;
  auto slots = service->FreeSlots("callback", "water_leak", "", {}, 1);
  REQUIRE(slots.ok());
  REQUIRE_FALSE(slots->empty());
  auto booked = service->Book("alice", leak->id, "callback", "", slots->front().start);
  REQUIRE(booked.ok());
  seeded.callback = *booked;
  auto mower =
      service->OpenTicket({"alice", "lawnmower", support::Tier::kRoutine, "", "", "api", "fr-FR"});
  REQUIRE(mower.ok());
  seeded.mower_ticket = mower->id;
  REQUIRE(
      service->OpenTicket({"bob", "gas_smell", support::Tier::kEmergency, "", "", "api", "fr-FR"})
          .ok());
  return seeded;
}

}  // namespace

TEST_CASE("a customer's tickets, newest first, with the booked appointment", "[support][http]") {
  testing::TempDir dir;
  const std::string db_path = dir.File("seeded.db");
  Seeded seeded = Seed(db_path);
  ServerOptions options;
  options.db_path = db_path;
  ServerProcess server(options);

  auto res = server.Get("/v1/users/alice/tickets");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type").find("application/json") == 0);
  json body = json::parse(res->body);
  REQUIRE(body["tickets"].size() == 2);
  const json& newest = body["tickets"][0];
  CHECK(newest["id"] == seeded.mower_ticket);
  CHECK(newest["problem"] == "lawnmower");
  CHECK(newest["severity"] == "routine");
  CHECK(newest["status"] == "open");
  CHECK_FALSE(newest.contains("appointment"));
  const json& leak = body["tickets"][1];
  CHECK(leak["id"] == seeded.leak_ticket);
  CHECK(leak["severity"] == "urgent");
  CHECK(leak["status"] == "scheduled");
  REQUIRE(leak.contains("appointment"));
  CHECK(leak["appointment"]["kind"] == "callback");
  CHECK(leak["appointment"]["id"] == seeded.callback.id);
  const std::string start = leak["appointment"]["start"];
  CHECK(start.size() == 25);  // 2025-11-25T10:00:00+01:00
  CHECK((start.substr(19) == "+01:00" || start.substr(19) == "+02:00"));

  // Bob sees only his own.
  auto bob = server.Get("/v1/users/bob/tickets");
  REQUIRE(bob);
  json bob_body = json::parse(bob->body);
  REQUIRE(bob_body["tickets"].size() == 1);
  CHECK(bob_body["tickets"][0]["problem"] == "gas_smell");
  CHECK(bob_body["tickets"][0]["severity"] == "emergency");

  // Somebody unknown has no tickets (not an error: a new customer).
  auto nobody = server.Get("/v1/users/nobody/tickets");
  REQUIRE(nobody);
  CHECK(nobody->status == 200);
  CHECK(json::parse(nobody->body) == json{{"tickets", json::array()}});
}

TEST_CASE("the tickets route refuses hostile requests", "[support][http][hostile]") {
  ServerProcess server;

  SECTION("no token, a wrong token") {
    auto none = server.Client()->Get("/v1/users/alice/tickets");
    REQUIRE(none);
    CHECK(none->status == 401);
    CHECK(json::parse(none->body)["error"]["code"] == "unauthenticated");
    auto wrong = server.Get("/v1/users/alice/tickets", "not-the-token");
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    auto admin = server.Get("/v1/users/alice/tickets", testing::kTestAdminToken);
    REQUIRE(admin);
    CHECK(admin->status == 401);
  }
  SECTION("user ids that are not ids") {
    for (const std::string& bad :
         std::vector<std::string>{"al%20ice", "a%00b", std::string(200, 'a'), "<script>"}) {
      INFO(bad);
      auto res = server.Get("/v1/users/" + bad + "/tickets");
      REQUIRE(res);
      CHECK((res->status == 400 || res->status == 404));
      CHECK(res->body.find("script") == std::string::npos);
    }
  }
  SECTION("dots are an id like any other, never a path") {
    auto res = server.Get("/v1/users/%2e%2e/tickets");
    REQUIRE(res);
    CHECK((res->status == 200 || res->status == 400));
    if (res->status == 200) CHECK(json::parse(res->body)["tickets"].empty());
  }
  SECTION("other methods and paths are not routes") {
    auto post = server.PostJson("/v1/users/alice/tickets", json::object());
    REQUIRE(post);
    CHECK(post->status != 200);
    auto deeper = server.Get("/v1/users/alice/tickets/1/../../bob");
    REQUIRE(deeper);
    CHECK(deeper->status == 404);
  }
  SECTION("the server is still up afterwards") {
    auto res = server.Get("/v1/users/alice/tickets");
    REQUIRE(res);
    CHECK(res->status == 200);
  }
}
