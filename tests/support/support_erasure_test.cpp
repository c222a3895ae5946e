// Erasing a customer keeps their tickets and appointments for statistics, without their id, words
// or postcode (store/erasure.h applied to the support tables).
#include <catch2/catch.hpp>

#include "store/erasure.h"
#include "support/paris_time.h"
#include "support/support_test_fixture.h"

using namespace chariot;

TEST_CASE("erasure anonymises support tickets and appointments", "[support][erasure]") {
  testing::SupportFixture f;
  auto ticket = f.service->OpenTicket({"alice", "water_leak", support::Tier::kUrgent,
                                       "fuite chez moi au 3 rue X", "75011", "api", "fr-FR"});
  REQUIRE(ticket.ok());
  auto slots = f.service->FreeSlots("callback", "water_leak", "", {}, 1);
  REQUIRE(f.service->Book("alice", ticket->id, "callback", "", slots->front().start).ok());
  REQUIRE(
      f.service->OpenTicket({"bob", "lawnmower", support::Tier::kRoutine, "", "", "api", "fr-FR"})
          .ok());

  auto report = store::EraseCustomer(*f.db, "alice");
  REQUIRE(report.ok());
  CHECK(report->anonymised_rows >= 2);
  CHECK(f.service->Tickets("alice")->empty());
  CHECK(f.service->Appointments("alice")->empty());
  CHECK(f.service->Tickets("bob")->size() == 1);
}
