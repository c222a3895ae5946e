// Orders: one transaction for list, stock and slot; idempotent confirmation; cancellation.
#include <catch2/catch.hpp>
#include <thread>

#include "commerce_fixture.h"

using namespace chariot;
using chariot::testing::CommerceFixture;

namespace {

int64_t Stock(CommerceFixture& f, const std::string& sku) {
  return f.stores->catalog.GetProduct(sku)->stock;
}

store::Slot FirstSlot(CommerceFixture& f, const std::string& store,
                      const std::string& fulfillment) {
  auto slots = f.shopping->orders().FreeSlots(store, fulfillment, 0, 3);
  REQUIRE(slots.ok());
  REQUIRE_FALSE(slots->empty());
  return slots->front();
}

}  // namespace

TEST_CASE("slots exist for the next 7 days, soonest first, after their cut-off",
          "[commerce][orders]") {
  CommerceFixture f;
  auto slots = f.shopping->orders().FreeSlots("paris-republique", "delivery", 0, 50);
  REQUIRE(slots.ok());
  REQUIRE(slots->size() >= 30);
  for (size_t i = 1; i < slots->size(); ++i)
    CHECK((*slots)[i - 1].start_at <= (*slots)[i].start_at);
  CHECK(slots->front().cutoff_at > f.clock.NowSeconds());
  // A week later the slots are still there: they roll with the clock.
  f.clock.Advance(8 * 86400);
  auto later = f.shopping->orders().FreeSlots("paris-republique", "delivery", 0, 3);
  REQUIRE(later.ok());
  REQUIRE(later->size() == 3);
  CHECK(later->front().start_at > f.clock.NowSeconds());
  CHECK(later->front().start_at < f.clock.NowSeconds() + 2 * 86400);
}

TEST_CASE("placing an order changes list, stock and slot together", "[commerce][orders]") {
  CommerceFixture f;
  std::string alice = f.ParisCustomer();
  auto& lists = f.shopping->lists();
  REQUIRE(lists.Add(alice, "LAIT-DEMI-ECREME-1L", 2).ok());
  REQUIRE(lists.Add(alice, "POMMES-GOLDEN", 1.5).ok());
  int64_t milk = Stock(f, "LAIT-DEMI-ECREME-1L");
  int64_t apples = Stock(f, "POMMES-GOLDEN");
  store::Slot slot = FirstSlot(f, "paris-republique", "delivery");

  auto placed = f.shopping->orders().Place(alice, slot.id, "session-1:confirm-1");
  REQUIRE(placed.ok());
  CHECK_FALSE(placed->replayed);
  CHECK(placed->order.items.size() == 2);
  CHECK(placed->order.total_cents == 2 * 109 + 344 + slot.fee_cents);  // 1.5 kg at 2.29
  CHECK(Stock(f, "LAIT-DEMI-ECREME-1L") == milk - 2);
  CHECK(Stock(f, "POMMES-GOLDEN") == apples - 2);
  CHECK(f.shopping->orders().Slot(slot.id)->booked == 1);
  CHECK(lists.Lines(alice)->empty());

  SECTION("the same confirmation retried returns the same order and changes nothing") {
    REQUIRE(lists.Add(alice, "LAIT-DEMI-ECREME-1L", 1).ok());
    auto again = f.shopping->orders().Place(alice, slot.id, "session-1:confirm-1");
    REQUIRE(again.ok());
    CHECK(again->replayed);
    CHECK(again->order.id == placed->order.id);
    CHECK(Stock(f, "LAIT-DEMI-ECREME-1L") == milk - 2);
    CHECK(f.shopping->orders().Slot(slot.id)->booked == 1);
    CHECK(f.shopping->orders().Orders(alice)->size() == 1);
    CHECK(lists.Lines(alice)->size() == 1);
  }
  SECTION("another customer cannot reuse the key") {
    REQUIRE(lists.Add("bob", "LAIT-DEMI-ECREME-1L", 1).ok());
    CHECK(f.shopping->orders().Place("bob", slot.id, "session-1:confirm-1").status().code() ==
          StatusCode::kConflict);
  }
  SECTION("cancelling before the cut-off gives back stock and slot") {
    auto cancelled = f.shopping->orders().Cancel(alice, placed->order.id);
    REQUIRE(cancelled.ok());
    CHECK(cancelled->status == "cancelled");
    CHECK(Stock(f, "LAIT-DEMI-ECREME-1L") == milk);
    CHECK(f.shopping->orders().Slot(slot.id)->booked == 0);
    CHECK(f.shopping->orders().Cancel(alice, placed->order.id).status().code() ==
          StatusCode::kConflict);
  }
  SECTION("cancelling after the cut-off is refused") {
    f.clock.Set(slot.cutoff_at);
    CHECK(f.shopping->orders().Cancel(alice, placed->order.id).status().code() ==
          StatusCode::kConflict);
    CHECK(Stock(f, "LAIT-DEMI-ECREME-1L") == milk - 2);
  }
  SECTION("another customer cannot cancel it") {
    CHECK(f.shopping->orders().Cancel("mallory", placed->order.id).status().code() ==
          StatusCode::kNotFound);
  }
}

TEST_CASE("an empty list, a full slot or missing stock make no order", "[commerce][orders]") {
  CommerceFixture f;
  std::string alice = f.ParisCustomer();
  store::Slot slot = FirstSlot(f, "paris-express", "express");
  CHECK(f.shopping->orders().Place(alice, slot.id, "k0").status().code() ==
        StatusCode::kInvalidArgument);

  REQUIRE(f.shopping->lists().Add(alice, "BAGUETTE-TRADITION", 1).ok());
  // Fill the slot with other customers.
  for (int i = 0; i < slot.capacity; ++i) {
    std::string other = "other" + std::to_string(i);
    REQUIRE(f.shopping->lists().Add(other, "BAGUETTE-TRADITION", 1).ok());
    REQUIRE(f.shopping->orders().Place(other, slot.id, "fill" + std::to_string(i)).ok());
  }
  auto full = f.shopping->orders().Place(alice, slot.id, "k1");
  CHECK(full.status().code() == StatusCode::kConflict);
  CHECK(f.shopping->lists().Lines(alice)->size() == 1);
  // The full slot is no longer offered.
  auto free = f.shopping->orders().FreeSlots("paris-express", "express", 0, 3);
  for (const auto& s : *free) CHECK(s.id != slot.id);

  // Out of stock: nothing moves.
  store::Slot next = free->front();
  REQUIRE(f.db->Write([](store::Connection& c) {
                c.Exec("UPDATE products SET stock = 0 WHERE sku = 'BAGUETTE-TRADITION'");
                return Status::Ok();
              })
              .ok());
  auto out = f.shopping->orders().Place(alice, next.id, "k2");
  CHECK(out.status().code() == StatusCode::kConflict);
  CHECK(f.shopping->orders().Slot(next.id)->booked == 0);
}

TEST_CASE("concurrent confirmations never oversell a slot", "[commerce][orders]") {
  CommerceFixture f;
  store::Slot slot = FirstSlot(f, "paris-express", "express");
  const int customers = slot.capacity + 4;
  for (int i = 0; i < customers; ++i) {
    REQUIRE(f.shopping->lists().Add("c" + std::to_string(i), "BAGUETTE-TRADITION", 1).ok());
  }
  std::atomic<int> placed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < customers; ++i) {
    threads.emplace_back([&, i] {
      if (f.shopping->orders()
              .Place("c" + std::to_string(i), slot.id, "k" + std::to_string(i))
              .ok())
        ++placed;
    });
  }
  for (auto& t : threads) t.join();
  CHECK(placed.load() == slot.capacity);
  CHECK(f.shopping->orders().Slot(slot.id)->booked == slot.capacity);
}

TEST_CASE("fulfillment sites follow the customer's postcode and store", "[commerce][orders]") {
  CommerceFixture f;
  auto& orders = f.shopping->orders();
  store::Customer nobody;
  nobody.id = "new";
  CHECK(orders.SiteFor(nobody, "delivery")->problem == commerce::Site::Problem::kNeedPostcode);
  CHECK(orders.SiteFor(nobody, "pickup")->problem == commerce::Site::Problem::kNeedPostcode);

  auto paris = f.shopping->customers().SetPostcode("p", "75011");
  REQUIRE(paris.ok());
  CHECK(paris->preferred_store == "paris-republique");
  CHECK(orders.SiteFor(*paris, "express")->store.id == "paris-express");
  CHECK(orders.SiteFor(*paris, "pickup")->store.id == "paris-republique");

  auto lyon = f.shopping->customers().SetPostcode("l", "69003");
  REQUIRE(lyon.ok());
  CHECK(orders.SiteFor(*lyon, "express")->problem == commerce::Site::Problem::kNotCovered);
  CHECK(orders.SiteFor(*lyon, "delivery")->store.id == "lyon-part-dieu");
  CHECK(orders.SiteFor(*lyon, "teleport").status().code() == StatusCode::kInvalidArgument);
  CHECK_FALSE(f.shopping->customers().SetPostcode("l", "75 011").ok());
  CHECK_FALSE(f.shopping->customers().SetPostcode("l", "7501").ok());
}

TEST_CASE("the usual basket and the suggestion come from order history", "[commerce][orders]") {
  CommerceFixture f;
  std::string alice = f.ParisCustomer();
  auto& lists = f.shopping->lists();
  CHECK(f.shopping->orders().UsualBasket(alice)->empty());
  for (int week = 0; week < 3; ++week) {
    REQUIRE(lists.Add(alice, "LAIT-DEMI-ECREME-1L", 2).ok());
    REQUIRE(lists.Add(alice, "BAGUETTE-TRADITION", 1).ok());
    if (week == 0) REQUIRE(lists.Add(alice, "CHAMPAGNE-BRUT-75CL", 1).ok());
    store::Slot slot = FirstSlot(f, "paris-republique", "pickup");
    REQUIRE(f.shopping->orders().Place(alice, slot.id, "w" + std::to_string(week)).ok());
  }
  auto usual = f.shopping->orders().UsualBasket(alice);
  REQUIRE(usual.ok());
  REQUIRE(usual->size() == 2);
  CHECK((*usual)[0].sku == "LAIT-DEMI-ECREME-1L");
  CHECK((*usual)[0].quantity == 2);
  auto suggestion = f.shopping->orders().Suggestion(alice, {"LAIT-DEMI-ECREME-1L"});
  REQUIRE(suggestion.ok());
  CHECK(suggestion->value_or("") == "BAGUETTE-TRADITION");
  CHECK_FALSE(f.shopping->orders()
                  .Suggestion(alice, {"LAIT-DEMI-ECREME-1L", "BAGUETTE-TRADITION"})
                  ->has_value());
}
