// The support (tickets, appointments), survey and erasure contracts on both backends.
#include <catch2/catch.hpp>

#include "both_backends.h"

using namespace chariot;

namespace {

store::TicketRecord Ticket(const std::string& user) {
  store::TicketRecord t;
  t.user_id = user;
  t.problem = "water_leak";
  t.severity = "urgent";
  t.status = "open";
  t.words = "ça fuit sous l'évier";
  t.steps_tried = {{"close_valve", "works"}};
  t.postcode = "75011";
  t.channel = "api";
  t.locale = "fr-FR";
  t.created_at = t.updated_at = 1000;
  return t;
}

store::SurveyOutcome Outcome(const std::string& session, const std::string& user, int64_t end) {
  store::SurveyOutcome o;
  o.session_id = session;
  o.user_id = user;
  o.channel = "alexa";
  o.locale = "fr-FR";
  o.flows = {"shopping", "support"};
  o.task_outcome = "completed";
  o.kind = "nps";
  o.outcome = "answered";
  o.score = 3;
  o.verbatim = "trop lent";
  o.turns = 6;
  o.started_at = end - 60;
  o.ended_at = end;
  o.asked = true;
  o.detractor = true;
  return o;
}

}  // namespace

TEST_CASE("Tickets on both backends", "[store][postgres]") {
  auto backend = testing::OpenBackend(GENERATE(testing::Backends()));
  if (!backend.available) return;
  INFO("backend: " << backend.name);
  store::TicketStore& tickets = *backend.stores.tickets;
  auto first = tickets.Create(Ticket("ann"));
  REQUIRE(first.ok());
  auto second = tickets.Create(Ticket("ann"));
  REQUIRE(second.ok());
  CHECK(*second > *first);
  auto bad = Ticket("ann");
  bad.problem = "alien_invasion";
  CHECK(tickets.Create(bad).status().code() == StatusCode::kInvalidArgument);

  auto got = tickets.Get("ann", *first);
  REQUIRE(got.ok());
  REQUIRE(got->has_value());
  CHECK((*got)->words == "ça fuit sous l'évier");
  REQUIRE((*got)->steps_tried.size() == 1);
  CHECK((*got)->steps_tried[0].outcome == "works");
  CHECK_FALSE(tickets.Get("bob", *first)->has_value());  // another customer's: not found
  auto listed = tickets.ListForUser("ann", 10);
  REQUIRE(listed.ok());
  REQUIRE(listed->size() == 2);
  CHECK(listed->front().id == *second);

  store::TicketRecord update = **got;
  update.status = "resolved";
  update.updated_at = 2000;
  REQUIRE(tickets.Update(update).ok());
  CHECK(tickets.Get("ann", *first)->value().status == "resolved");
  update.status = "exploded";
  CHECK(tickets.Update(update).code() == StatusCode::kInvalidArgument);
  update.status = "open";
  update.user_id = "bob";
  CHECK(tickets.Update(update).code() == StatusCode::kNotFound);
}

TEST_CASE("Appointments on both backends", "[store][postgres]") {
  auto backend = testing::OpenBackend(GENERATE(testing::Backends()));
  if (!backend.available) return;
  INFO("backend: " << backend.name);
  store::Stores& s = backend.stores;
  int64_t ticket = *s.tickets->Create(Ticket("ann"));
  int64_t other_ticket = *s.tickets->Create(Ticket("bob"));
  store::AppointmentRecord draft;
  draft.ticket_id = ticket;
  draft.user_id = "ann";
  draft.kind = "callback";
  draft.slot_start = 5000;
  draft.slot_end = 5900;
  auto booked = s.appointments->Book(draft, {"adv-1", "adv-2"}, 100);
  REQUIRE(booked.ok());
  CHECK(booked->advisor_id == "adv-1");
  CHECK(s.tickets->Get("ann", ticket)->value().status == "scheduled");

  store::AppointmentRecord bobs = draft;
  bobs.ticket_id = other_ticket;
  bobs.user_id = "bob";
  auto second = s.appointments->Book(bobs, {"adv-1", "adv-2"}, 100);
  REQUIRE(second.ok());
  CHECK(second->advisor_id == "adv-2");  // adv-1 is busy then
  CHECK(s.appointments->Book(bobs, {"adv-1", "adv-2"}, 100).status().code() ==
        StatusCode::kConflict);
  bobs.user_id = "ann";  // not ann's ticket
  CHECK(s.appointments->Book(bobs, {"adv-3"}, 100).status().code() == StatusCode::kNotFound);

  auto busy = s.appointments->Busy(0, 10000);
  REQUIRE(busy.ok());
  CHECK(busy->size() == 2);
  CHECK(busy->count({"adv-1", 5000}) == 1);

  store::AppointmentRecord later = draft;
  later.slot_start = 8000;
  later.slot_end = 8900;
  auto moved = s.appointments->Move(booked->id, later, {"adv-1"}, 200);
  REQUIRE(moved.ok());
  CHECK(moved->slot_start == 8000);
  CHECK(s.appointments->Move(booked->id, later, {"adv-1"}, 200).status().code() ==
        StatusCode::kNotFound);
  auto mine = s.appointments->BookedForUser("ann");
  REQUIRE(mine.ok());
  REQUIRE(mine->size() == 1);
  CHECK(mine->front().id == moved->id);

  CHECK(s.appointments->Cancel("bob", moved->id, 300).code() == StatusCode::kNotFound);
  REQUIRE(s.appointments->Cancel("ann", moved->id, 300).ok());
  CHECK(s.tickets->Get("ann", ticket)->value().status == "open");
  CHECK(s.appointments->BookedForUser("ann")->empty());
  CHECK(s.appointments->Cancel("ann", moved->id, 300).code() == StatusCode::kNotFound);
}

TEST_CASE("Survey outcomes on both backends", "[store][postgres]") {
  auto backend = testing::OpenBackend(GENERATE(testing::Backends()));
  if (!backend.available) return;
  INFO("backend: " << backend.name);
  store::SurveyStore& surveys = *backend.stores.surveys;
  CHECK(*surveys.Insert(Outcome("s1", "ann", 1000)));
  CHECK_FALSE(*surveys.Insert(Outcome("s1", "ann", 1000)));  // once per session
  auto promoter = Outcome("s2", "bob", 2000);
  promoter.score = 10;
  promoter.detractor = false;
  promoter.flows = {"support"};
  promoter.channel = "twilio";
  CHECK(*surveys.Insert(promoter));
  auto declined = Outcome("s3", "ann", 3000);
  declined.outcome = "declined";
  declined.score.reset();
  declined.detractor = false;
  declined.verbatim = "";
  CHECK(*surveys.Insert(declined));
  auto broken = Outcome("s4", "ann", 4000);
  broken.score.reset();  // answered without a score: breaks the table's check, not written
  CHECK_FALSE(*surveys.Insert(broken));
  CHECK(surveys.Insert(Outcome("", "ann", 1)).status().code() == StatusCode::kInvalidArgument);

  CHECK(surveys.LastAskedAt("ann")->value() == 3000);
  CHECK_FALSE(surveys.LastAskedAt("zoe")->has_value());

  store::SurveyFilter all;
  auto rows = surveys.List(all, 10, 0);
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 3);
  CHECK((*rows)[0].session_id == "s3");  // newest first
  CHECK_FALSE((*rows)[0].score.has_value());
  CHECK((*rows)[2].flows == std::vector<std::string>{"shopping", "support"});
  store::SurveyFilter f;
  f.flow = "shopping";
  CHECK(surveys.List(f, 10, 0)->size() == 2);
  f = {};
  f.flow = "shop";  // whole flow names only
  CHECK(surveys.List(f, 10, 0)->empty());
  f = {};
  f.channel = "twilio";
  CHECK(surveys.List(f, 10, 0)->size() == 1);
  f = {};
  f.from = 2000;
  f.to = 3000;
  CHECK(surveys.List(f, 10, 0)->size() == 1);
  f.to = 32503680000;  // 3000-01-01: past 32-bit seconds
  CHECK(surveys.List(f, 10, 0)->size() == 2);
  f = {};
  f.detractors_only = true;
  f.not_contacted_only = true;
  CHECK(surveys.List(f, 10, 0)->size() == 1);
  CHECK(surveys.List(all, 1, 1)->front().session_id == "s2");
  CHECK(surveys.List(all, 0, 0).status().code() == StatusCode::kInvalidArgument);

  CHECK(surveys.MarkContacted("s2", "agent", 5000).code() == StatusCode::kConflict);
  CHECK(surveys.MarkContacted("nope", "agent", 5000).code() == StatusCode::kNotFound);
  REQUIRE(surveys.MarkContacted("s1", "agent", 5000).ok());
  auto s1 = surveys.Get("s1");
  REQUIRE(s1.ok());
  CHECK(s1->contacted_at.value() == 5000);
  CHECK(s1->contacted_by == "agent");
  CHECK(surveys.List(f, 10, 0)->empty());
  CHECK(surveys.Get("nope").status().code() == StatusCode::kNotFound);

  CHECK(*surveys.EraseVerbatimsBefore(2500) == 2);
  CHECK(surveys.Get("s1")->verbatim.empty());
  CHECK(*surveys.EraseVerbatimsBefore(2500) == 0);
}

TEST_CASE("Erasing a customer on both backends", "[store][postgres]") {
  auto backend = testing::OpenSeededBackend(GENERATE(testing::Backends()), 1795424400);
  if (!backend.available) return;
  INFO("backend: " << backend.name);
  store::Stores& s = backend.stores;
  const int64_t now = 1795424400;
  REQUIRE(s.customers->Put({"ann", "paris-republique", "75011", "fr-FR", now}).ok());
  REQUIRE(s.customers->LinkAccount("alexa", "amzn1.ann", "ann").ok());
  REQUIRE(s.lists->Add("ann", "LAIT-ENTIER-1L", 1, 99, now).ok());
  auto slots = s.orders->FreeSlots("paris-republique", "delivery", now, now, 1);
  REQUIRE(slots.ok());
  REQUIRE(s.orders->Place({"ann", slots->front().id, "ann-1", now}).ok());
  REQUIRE(s.lists->Add("ann", "LAIT-ECREME-1L", 1, 99, now).ok());
  REQUIRE(s.sessions->Save({"sess-ann", "ann", "{}", now, now + 600}).ok());
  REQUIRE(s.tickets->Create(Ticket("ann")).ok());
  REQUIRE(*s.surveys->Insert(Outcome("sess-old", "ann", now - 100)));
  REQUIRE(s.customers->Put({"bob", "", "", "fr-FR", now}).ok());
  REQUIRE(s.lists->Add("bob", "LAIT-ENTIER-1L", 1, 99, now).ok());

  CHECK(s.erase_customer("").status().code() == StatusCode::kInvalidArgument);
  auto report = s.erase_customer("ann");
  REQUIRE(report.ok());
  CHECK(report->anonymised_rows == 3);  // the order, the ticket and the survey outcome
  CHECK(report->deleted_rows == 4);     // profile, account link, list item, session
  CHECK_FALSE(s.customers->Get("ann")->has_value());
  CHECK_FALSE(s.customers->FindAccount("alexa", "amzn1.ann")->has_value());
  CHECK(s.lists->Items("ann")->empty());
  CHECK_FALSE(s.sessions->Load("sess-ann", now)->has_value());
  CHECK(s.tickets->ListForUser("ann", 10)->empty());
  CHECK(s.orders->Orders("ann", 10)->empty());
  auto outcome = s.surveys->Get("sess-old");
  REQUIRE(outcome.ok());  // kept for the statistics, without who or what they said
  CHECK(outcome->user_id.empty());
  CHECK(outcome->verbatim.empty());
  CHECK(outcome->score == 3);
  CHECK(s.lists->Items("bob")->size() == 1);  // nobody else's data
  auto again = s.erase_customer("ann");
  REQUIRE(again.ok());
  CHECK(again->deleted_rows == 0);
  REQUIRE(s.ping().ok());
}
