// The ticket and appointment store contracts on PostgreSQL (SQLite: support_service_test.cpp).
#include "store/postgres/pg_support_stores.h"

#include <catch2/catch.hpp>

#include "support/store_backends.h"

using namespace chariot;

namespace {

store::TicketRecord Ticket(const std::string& user, const std::string& problem = "lawnmower") {
  store::TicketRecord t;
  t.user_id = user;
  t.problem = problem;
  t.severity = "routine";
  t.status = "open";
  t.words = "ma tondeuse ne démarre pas";
  t.created_at = t.updated_at = 100;
  return t;
}

store::AppointmentRecord Draft(const std::string& user, int64_t ticket, int64_t start) {
  store::AppointmentRecord a;
  a.user_id = user;
  a.ticket_id = ticket;
  a.kind = "callback";
  a.slot_start = start;
  a.slot_end = start + 1800;
  return a;
}

}  // namespace

TEST_CASE("PostgreSQL tickets are stored, scoped to their customer and updated",
          "[support][store][postgres]") {
  testing::PostgresBackend backend;
  if (!backend.db) return;  // the backend WARNs why PostgreSQL is not available
  store::PgTicketStore tickets(*backend.db);
  auto id = tickets.Create(Ticket("alice"));
  REQUIRE(id.ok());
  REQUIRE(tickets.Create(Ticket("bob", "water_leak")).ok());
  CHECK_FALSE(tickets.Get("bob", *id)->has_value());
  auto mine = tickets.Get("alice", *id);
  REQUIRE(mine.ok());
  REQUIRE(mine->has_value());
  store::TicketRecord t = **mine;
  CHECK(t.words == "ma tondeuse ne démarre pas");
  t.steps_tried = {{"fuel", "still_not"}, {"safety_lever", "works"}};
  t.status = "resolved";
  t.updated_at = 200;
  REQUIRE(tickets.Update(t).ok());
  auto list = tickets.ListForUser("alice", 10);
  REQUIRE(list->size() == 1);
  CHECK(list->front().status == "resolved");
  REQUIRE(list->front().steps_tried.size() == 2);
  CHECK(list->front().steps_tried[1].outcome == "works");
  t.user_id = "bob";
  CHECK(tickets.Update(t).code() == StatusCode::kNotFound);
  CHECK(tickets.Create(Ticket("alice", "volcano")).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("PostgreSQL appointments: one advisor per slot, moved and cancelled",
          "[support][store][postgres]") {
  testing::PostgresBackend backend;
  if (!backend.db) return;
  store::PgTicketStore tickets(*backend.db);
  store::PgAppointmentStore appointments(*backend.db);
  int64_t a = *tickets.Create(Ticket("alice"));
  int64_t b = *tickets.Create(Ticket("bob"));
  int64_t c = *tickets.Create(Ticket("carol"));
  const std::vector<std::string> advisors = {"adv-1", "adv-2"};
  auto first = appointments.Book(Draft("alice", a, 1000), advisors, 50);
  REQUIRE(first.ok());
  auto second = appointments.Book(Draft("bob", b, 1000), advisors, 50);
  REQUIRE(second.ok());
  CHECK(first->advisor_id != second->advisor_id);
  CHECK(appointments.Book(Draft("carol", c, 1000), advisors, 50).status().code() ==
        StatusCode::kConflict);
  CHECK(tickets.Get("carol", c)->value().status == "open");  // rolled back with the booking
  CHECK(tickets.Get("alice", a)->value().status == "scheduled");
  CHECK(appointments.Busy(0, 2000)->size() == 2);
  CHECK(appointments.Book(Draft("alice", b, 3000), advisors, 50).status().code() ==
        StatusCode::kNotFound);  // bob's ticket

  auto moved = appointments.Move(first->id, Draft("alice", a, 4000), advisors, 60);
  REQUIRE(moved.ok());
  CHECK(appointments.BookedForUser("alice")->front().slot_start == 4000);
  // The old slot is free again for carol.
  REQUIRE(appointments.Book(Draft("carol", c, 1000), advisors, 70).ok());
  CHECK(appointments.Cancel("bob", moved->id, 80).code() == StatusCode::kNotFound);
  REQUIRE(appointments.Cancel("alice", moved->id, 80).ok());
  CHECK(appointments.BookedForUser("alice")->empty());
  CHECK(tickets.Get("alice", a)->value().status == "open");
}
