// Tickets, appointments on the advisors' free slots, moving, cancelling and the hand-over
// (src/support/support_service.cpp with the SQLite stores).
#include "support/support_service.h"

#include <catch2/catch.hpp>

#include "support/paris_time.h"
#include "support/support_test_fixture.h"

using namespace chariot;
using namespace chariot::support;
using testing::SupportFixture;

namespace {

Ticket Open(SupportFixture& f, const std::string& user, const std::string& problem,
            Tier tier = Tier::kRoutine) {
  auto ticket = f.service->OpenTicket(
      {user, problem, tier, "ma tondeuse ne démarre pas", "", "api", "fr-FR"});
  REQUIRE(ticket.ok());
  return *ticket;
}

int64_t ParisAt(int64_t now, int days_ahead, int hour, int minute = 0) {
  return FromParis(ToParis(now).day_number + days_ahead, hour * 60 + minute);
}

}  // namespace

TEST_CASE("a ticket keeps the problem, tier, words and steps tried", "[support][service]") {
  SupportFixture f;
  Ticket ticket = Open(f, "alice", "lawnmower");
  CHECK(ticket.id > 0);
  CHECK(ticket.status == "open");
  REQUIRE(f.service->RecordStep("alice", ticket.id, "fuel", "still_not").ok());
  REQUIRE(f.service->RecordStep("alice", ticket.id, "safety_lever", "works").ok());
  auto stored = f.service->GetTicket("alice", ticket.id);
  REQUIRE(stored.ok());
  CHECK(stored->problem == "lawnmower");
  CHECK(stored->tier == Tier::kRoutine);
  CHECK(stored->words == "ma tondeuse ne démarre pas");
  REQUIRE(stored->steps_tried.size() == 2);
  CHECK(stored->steps_tried[0].step == "fuel");
  CHECK(stored->steps_tried[1].outcome == "works");
  CHECK(stored->status == "resolved");
}

TEST_CASE("tickets are scoped to their customer", "[support][service]") {
  SupportFixture f;
  Ticket mine = Open(f, "alice", "water_leak", Tier::kUrgent);
  Open(f, "bob", "lawnmower");
  CHECK(f.service->GetTicket("bob", mine.id).status().code() == StatusCode::kNotFound);
  CHECK(f.service->RecordStep("bob", mine.id, "x", "works").code() == StatusCode::kNotFound);
  auto list = f.service->Tickets("alice");
  REQUIRE(list.ok());
  REQUIRE(list->size() == 1);
  CHECK(list->front().problem == "water_leak");
  CHECK(f.service->Tickets("").status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("codes outside the contract are refused", "[support][service]") {
  SupportFixture f;
  CHECK(f.service->OpenTicket({"alice", "volcano", Tier::kRoutine, "", "", "api", "fr-FR"})
            .status()
            .code() == StatusCode::kInvalidArgument);
  Ticket t = Open(f, "alice", "lawnmower");
  CHECK(f.service->FreeSlots("teleport", "lawnmower", "", {}, 3).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(f.service->Book("alice", t.id, "in_store", "nowhere", ParisAt(f.clock.NowSeconds(), 1, 10))
            .status()
            .code() == StatusCode::kInvalidArgument);
}

TEST_CASE("free slots start after the lead time, inside working hours", "[support][service]") {
  SupportFixture f;  // Monday 17:00 in Paris
  auto slots = f.service->FreeSlots("callback", "lawnmower", "", {}, 3);
  REQUIRE(slots.ok());
  REQUIRE(slots->size() == 3);
  // Remote advisors work until 20:00: 17:30, 18:00, 18:30 today.
  CHECK((*slots)[0].start == ParisAt(f.clock.NowSeconds(), 0, 17, 30));
  CHECK((*slots)[1].start == ParisAt(f.clock.NowSeconds(), 0, 18, 0));
  CHECK((*slots)[0].advisors.size() == 2);  // Sophie and Marc both do callbacks

  auto in_store = f.service->FreeSlots("in_store", "lawnmower", "lyon-part-dieu", {}, 1);
  REQUIRE(in_store.ok());
  REQUIRE(in_store->size() == 1);
  CHECK((*in_store)[0].start == ParisAt(f.clock.NowSeconds(), 0, 17, 30));  // Léa until 19:00

  SlotPreference saturday_morning;
  saturday_morning.day = ToParis(f.clock.NowSeconds()).day_number + 5;
  saturday_morning.from_minute = 8 * 60;
  saturday_morning.to_minute = 12 * 60;
  auto saturday = f.service->FreeSlots("video", "no_heating", "", saturday_morning, 2);
  REQUIRE(saturday.ok());
  REQUIRE_FALSE(saturday->empty());
  CHECK((*saturday)[0].start == ParisAt(f.clock.NowSeconds(), 5, 9, 0));

  SlotPreference sunday;
  sunday.day = ToParis(f.clock.NowSeconds()).day_number + 6;
  auto closed = f.service->FreeSlots("callback", "lawnmower", "", sunday, 3);
  REQUIRE(closed.ok());
  CHECK(closed->empty());
}

TEST_CASE("booking takes one advisor per slot until the slot is full", "[support][service]") {
  SupportFixture f;
  const int64_t start = ParisAt(f.clock.NowSeconds(), 1, 10);
  Ticket a = Open(f, "alice", "lawnmower");
  Ticket b = Open(f, "bob", "lawnmower");
  Ticket c = Open(f, "carol", "lawnmower");
  auto first = f.service->Book("alice", a.id, "callback", "", start);
  REQUIRE(first.ok());
  auto second = f.service->Book("bob", b.id, "callback", "", start);
  REQUIRE(second.ok());
  CHECK(first->advisor_id != second->advisor_id);
  // Two remote advisors do callbacks: the third customer cannot have 10:00.
  CHECK(f.service->Book("carol", c.id, "callback", "", start).status().code() ==
        StatusCode::kConflict);
  SlotPreference from_ten;
  from_ten.not_before = start;
  auto next = f.service->FreeSlots("callback", "lawnmower", "", from_ten, 1);
  REQUIRE(next.ok());
  REQUIRE_FALSE(next->empty());
  CHECK(next->front().start == start + 30 * 60);
  CHECK(f.service->GetTicket("alice", a.id)->status == "scheduled");
}

TEST_CASE("a slot in the past, off the grid or outside hours cannot be booked",
          "[support][service]") {
  SupportFixture f;
  Ticket t = Open(f, "alice", "lawnmower");
  CHECK(
      f.service->Book("alice", t.id, "callback", "", f.clock.NowSeconds() - 3600).status().code() ==
      StatusCode::kConflict);
  CHECK(f.service->Book("alice", t.id, "callback", "", ParisAt(f.clock.NowSeconds(), 1, 10, 10))
            .status()
            .code() == StatusCode::kConflict);
  CHECK(f.service->Book("alice", t.id, "callback", "", ParisAt(f.clock.NowSeconds(), 1, 3))
            .status()
            .code() == StatusCode::kConflict);
}

TEST_CASE("moving and cancelling an appointment", "[support][service]") {
  SupportFixture f;
  Ticket t = Open(f, "alice", "lawnmower");
  auto booked = f.service->Book("alice", t.id, "in_store", "paris-convention",
                                ParisAt(f.clock.NowSeconds(), 1, 10));
  REQUIRE(booked.ok());
  CHECK(booked->advisor_id == "adv-paris-karim");
  auto moved = f.service->Reschedule("alice", booked->id, ParisAt(f.clock.NowSeconds(), 2, 15));
  REQUIRE(moved.ok());
  CHECK(moved->store_id == "paris-convention");
  CHECK(moved->kind == "in_store");
  auto list = f.service->Appointments("alice");
  REQUIRE(list->size() == 1);
  CHECK(list->front().id == moved->id);
  // The old slot is free again.
  Ticket other = Open(f, "bob", "lawnmower");
  CHECK(f.service
            ->Book("bob", other.id, "in_store", "paris-convention",
                   ParisAt(f.clock.NowSeconds(), 1, 10))
            .ok());

  CHECK(f.service->Cancel("bob", moved->id).code() == StatusCode::kNotFound);
  REQUIRE(f.service->Cancel("alice", moved->id).ok());
  CHECK(f.service->Appointments("alice")->empty());
  CHECK(f.service->GetTicket("alice", t.id)->status == "open");
  CHECK(f.service->Cancel("alice", moved->id).code() == StatusCode::kNotFound);
  CHECK(f.service->Reschedule("alice", 999999, ParisAt(f.clock.NowSeconds(), 2, 15))
            .status()
            .code() == StatusCode::kNotFound);
}

TEST_CASE("the hand-over follows the channel", "[support][service]") {
  SupportOptions options;
  options.advisor_line = "+33100000000";
  SupportFixture f(options);
  Ticket phone = Open(f, "alice", "water_leak", Tier::kEmergency);
  auto transfer = f.service->HandOver("alice", phone.id, "twilio");
  REQUIRE(transfer.ok());
  CHECK(transfer->kind == HandoffPlan::kPhoneTransfer);
  CHECK(transfer->number == "+33100000000");
  CHECK(f.service->GetTicket("alice", phone.id)->status == "handed_over");

  Ticket chat = Open(f, "alice", "other");
  auto handoff = f.service->HandOver("alice", chat.id, "dialogflow");
  REQUIRE(handoff.ok());
  CHECK(handoff->kind == HandoffPlan::kChatHandoff);

  Ticket alexa = Open(f, "alice", "lawnmower");
  auto callback = f.service->HandOver("alice", alexa.id, "alexa");
  REQUIRE(callback.ok());
  CHECK(callback->kind == HandoffPlan::kCallback);
  REQUIRE(callback->callback.has_value());
  CHECK(callback->callback->kind == "callback");
  CHECK(f.service->GetTicket("alice", alexa.id)->status == "scheduled");
}

TEST_CASE("without an advisor line the phone channel books a callback", "[support][service]") {
  SupportFixture f;
  Ticket t = Open(f, "alice", "gas_smell", Tier::kEmergency);
  auto plan = f.service->HandOver("alice", t.id, "twilio");
  REQUIRE(plan.ok());
  CHECK(plan->kind == HandoffPlan::kCallback);
  CHECK(plan->callback.has_value());  // generalists call back after a gas smell
}

TEST_CASE("the outage line follows the postcode", "[support][service]") {
  SupportFixture f;
  CHECK(f.service->OutageLineFor("69003").number == "09 72 67 50 69");
  CHECK(f.service->OutageLineFor("69003").kind == OutageLine::kEnedis);
  CHECK(f.service->OutageLineFor("20000").kind == OutageLine::kNotEnedis);
  CHECK(f.service->OutageLineFor("97400").kind == OutageLine::kNotEnedis);
  CHECK(f.service->OutageLineFor("hello").kind == OutageLine::kUnknownPostcode);
}
