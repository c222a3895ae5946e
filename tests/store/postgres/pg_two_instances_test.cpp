// Two instances on one PostgreSQL database, at the store level: two connection pools (as two
// `chariot serve` processes have) racing on the same rows. The HTTP version with two real
// servers is tests/http/postgres_instances_test.cpp.
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "app/paths.h"
#include "commerce/seed.h"
#include "store/postgres/pg_stores.h"
#include "support/store_backends.h"

using namespace chariot;

namespace {

constexpr int64_t kNow = 1795424400;

struct TwoInstances {
  std::unique_ptr<store::PgDatabase> db_a, db_b;
  store::Stores a, b;
  bool available = false;

  TwoInstances() {
    auto& server = testing::SharedPostgres();
    if (!server.available()) {
      WARN("PostgreSQL tests not run: " << server.why_unavailable());
      return;
    }
    std::string url = server.NewDatabase();
    db_a = std::move(*store::PgDatabase::Open(url, {4}));
    db_b = std::move(*store::PgDatabase::Open(url, {4}));
    auto migrations =
        store::LoadMigrations(app::ResolveResourcePaths().migrations_dir + "/postgres");
    REQUIRE(migrations.ok());
    REQUIRE(store::PgMigrate(*db_a, *migrations).ok());
    REQUIRE(store::PgMigrate(*db_b, *migrations).ok());  // the second finds it done
    a = std::move(*store::OpenPostgresStores(*db_a));
    b = std::move(*store::OpenPostgresStores(*db_b));
    available = true;
  }
  store::Stores& Instance(int i) { return i % 2 == 0 ? a : b; }
};

}  // namespace

TEST_CASE("Two instances seed at once and agree", "[store][postgres][instances]") {
  TwoInstances two;
  if (!two.available) return;
  const std::string data = app::ResolveResourcePaths().data_dir;
  Status seeded_a, seeded_b;
  std::thread ta([&] {
    seeded_a = commerce::SeedDemoData(*two.a.catalog, *two.a.orders, data, kNow).status();
  });
  std::thread tb([&] {
    seeded_b = commerce::SeedDemoData(*two.b.catalog, *two.b.orders, data, kNow).status();
  });
  ta.join();
  tb.join();
  INFO(seeded_a.message() << " / " << seeded_b.message());
  CHECK(seeded_a.ok());
  CHECK(seeded_b.ok());
  CHECK(*two.b.catalog->ProductCount() == 444);
  CHECK(two.a.catalog->SlotTemplates()->size() == two.b.catalog->SlotTemplates()->size());
}

TEST_CASE("Concurrent orders on the last place of a slot: exactly one succeeds",
          "[store][postgres][instances]") {
  TwoInstances two;
  if (!two.available) return;
  REQUIRE(commerce::SeedDemoData(*two.a.catalog, *two.a.orders,
                                 app::ResolveResourcePaths().data_dir, kNow)
              .ok());
  store::Slot last;
  last.store_id = "paris-republique";
  last.fulfillment = "pickup";
  last.start_at = kNow + 7200 + 420;
  last.end_at = kNow + 10800;
  last.cutoff_at = kNow + 3600;
  last.capacity = 1;
  REQUIRE(two.a.orders->EnsureSlots({last}).ok());
  int64_t slot_id =
      two.b.orders->FreeSlots("paris-republique", "pickup", kNow, last.start_at, 1)->front().id;

  constexpr int kCustomers = 8;
  for (int i = 0; i < kCustomers; ++i) {
    REQUIRE(
        two.Instance(i).lists->Add("c" + std::to_string(i), "LAIT-ENTIER-1L", 1, 99, kNow).ok());
  }
  std::atomic<int> placed{0}, full{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kCustomers; ++i) {
    threads.emplace_back([&, i] {
      auto r = two.Instance(i).orders->Place(
          {"c" + std::to_string(i), slot_id, "key-" + std::to_string(i), kNow});
      if (r.ok()) {
        ++placed;
      } else if (r.status().code() == StatusCode::kConflict &&
                 r.status().message() == "slot full") {
        ++full;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(placed == 1);
  CHECK(full == kCustomers - 1);
  CHECK(other == 0);
  CHECK(two.a.orders->GetSlot(slot_id)->booked == 1);
  CHECK(two.b.catalog->GetProduct("LAIT-ENTIER-1L")->stock == 243);  // one unit taken, once
}

TEST_CASE("The same idempotency key on two instances places one order",
          "[store][postgres][instances]") {
  TwoInstances two;
  if (!two.available) return;
  REQUIRE(commerce::SeedDemoData(*two.a.catalog, *two.a.orders,
                                 app::ResolveResourcePaths().data_dir, kNow)
              .ok());
  int64_t slot_id =
      two.a.orders->FreeSlots("paris-republique", "delivery", kNow, kNow, 1)->front().id;
  REQUIRE(two.a.lists->Add("ann", "LAIT-ENTIER-1L", 2, 99, kNow).ok());
  std::vector<Result<store::PlaceResult>> results(6, Status::Internal("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      results[i] = two.Instance(i).orders->Place({"ann", slot_id, "retry-me", kNow});
    });
  }
  for (auto& t : threads) t.join();
  int fresh = 0;
  for (auto& r : results) {
    INFO(r.status().message());
    REQUIRE(r.ok());
    if (!r->replayed) ++fresh;
    CHECK(r->order.id == results[0]->order.id);
  }
  CHECK(fresh == 1);
  CHECK(two.b.orders->Orders("ann", 10)->size() == 1);
  CHECK(two.b.catalog->GetProduct("LAIT-ENTIER-1L")->stock == 242);
}

TEST_CASE("Two instances adding to one list both count; one advisor is booked once",
          "[store][postgres][instances]") {
  TwoInstances two;
  if (!two.available) return;
  REQUIRE(commerce::SeedDemoData(*two.a.catalog, *two.a.orders,
                                 app::ResolveResourcePaths().data_dir, kNow)
              .ok());
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i) {
    threads.emplace_back(
        [&, i] { CHECK(two.Instance(i).lists->Add("bob", "LAIT-ENTIER-1L", 1, 99, kNow).ok()); });
  }
  for (auto& t : threads) t.join();
  threads.clear();
  CHECK(two.a.lists->Items("bob")->front().quantity == 10);

  std::vector<int64_t> tickets;
  for (int i = 0; i < 6; ++i) {
    store::TicketRecord t;
    t.user_id = "u" + std::to_string(i);
    t.problem = "no_heating";
    t.severity = "urgent";
    t.status = "open";
    tickets.push_back(*two.Instance(i).tickets->Create(t));
  }
  std::atomic<int> booked{0}, taken{0};
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      store::AppointmentRecord draft;
      draft.ticket_id = tickets[i];
      draft.user_id = "u" + std::to_string(i);
      draft.kind = "callback";
      draft.slot_start = 9000;
      draft.slot_end = 9900;
      auto r = two.Instance(i).appointments->Book(draft, {"adv-1", "adv-2"}, 100);
      if (r.ok()) ++booked;
      if (r.status().code() == StatusCode::kConflict) ++taken;
    });
  }
  for (auto& t : threads) t.join();
  CHECK(booked == 2);  // two advisors, one slot each
  CHECK(taken == 4);
  CHECK(two.b.appointments->Busy(0, 10000)->size() == 2);
}
