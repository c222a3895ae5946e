// The commerce store contracts (catalog, lists, orders, customers) on both backends, and the
// catalog search giving the same answers on PostgreSQL as on SQLite's FTS5.
#include <catch2/catch.hpp>

#include "both_backends.h"
#include "commerce/catalog_service.h"
#include "store/postgres/pg_commerce_stores.h"

using namespace chariot;

namespace {

// 2026-11-23 09:00 UTC = 10:00 in Paris, a Monday.
constexpr int64_t kNow = 1795424400;

int64_t FirstFreeSlot(store::Stores& stores) {
  auto slots = stores.orders->FreeSlots("paris-republique", "delivery", kNow, kNow, 5);
  REQUIRE(slots.ok());
  REQUIRE_FALSE(slots->empty());
  return slots->front().id;
}

}  // namespace

TEST_CASE("The catalog is seeded, read and searched on both backends", "[store][postgres]") {
  auto backend = testing::OpenSeededBackend(GENERATE(testing::Backends()), kNow);
  if (!backend.available) return;
  INFO("backend: " << backend.name);
  store::CatalogStore& catalog = *backend.stores.catalog;
  CHECK(*catalog.ProductCount() == 444);
  auto milk = catalog.GetProduct("LAIT-DEMI-ECREME-1L");
  REQUIRE(milk.ok());
  CHECK(milk->name == "Lait demi-écrémé");
  CHECK(milk->stock == 320);
  CHECK(catalog.GetProduct("NOPE").status().code() == StatusCode::kNotFound);
  auto some = catalog.GetProducts({"LAIT-ENTIER-1L", "NOPE"});
  REQUIRE(some.ok());
  CHECK(some->size() == 1);

  auto hits = catalog.Search("\"lait\"* AND \"entier\"*", 10);
  REQUIRE(hits.ok());
  REQUIRE_FALSE(hits->empty());
  CHECK(hits->front().product.sku.rfind("LAIT-ENTIER", 0) == 0);
  CHECK(catalog.Search("\"zzzzqqq\"*", 10)->empty());

  CHECK_FALSE(catalog.Synonyms("fr-FR")->empty());
  auto stores = catalog.Stores();
  REQUIRE(stores.ok());
  CHECK(stores->size() >= 2);
  CHECK(catalog.GetStore("paris-republique")->city == "Paris");
  CHECK(catalog.GetStore("nowhere").status().code() == StatusCode::kNotFound);
  auto aisle = catalog.GetAisle("paris-republique", "cremerie");
  REQUIRE(aisle.ok());
  REQUIRE(aisle->has_value());
  CHECK((*aisle)->aisle == 1);
  CHECK_FALSE(catalog.GetAisle("paris-republique", "no-such-category")->has_value());
  auto covering = catalog.StoresCovering("delivery", "75011");
  REQUIRE(covering.ok());
  REQUIRE_FALSE(covering->empty());
  CHECK(catalog.StoresCovering("delivery", "")->empty());
  CHECK_FALSE(catalog.SlotTemplates()->empty());

  // Seeding again (a restart, or a second instance) keeps the stock orders took.
  REQUIRE(backend.stores.lists->Add("alice", "LAIT-ENTIER-1L", 2, 99, kNow).ok());
  REQUIRE(backend.stores.orders->Place({"alice", FirstFreeSlot(backend.stores), "k1", kNow}).ok());
  auto reseeded = commerce::SeedDemoData(*backend.stores.catalog, *backend.stores.orders,
                                         app::ResolveResourcePaths().data_dir, kNow);
  REQUIRE(reseeded.ok());
  CHECK(catalog.GetProduct("LAIT-ENTIER-1L")->stock == 242);
}

TEST_CASE("Catalog search ranks the same on PostgreSQL as on SQLite", "[store][postgres]") {
  auto sqlite = testing::OpenSeededBackend("sqlite", kNow);
  auto postgres = testing::OpenSeededBackend("postgresql", kNow);
  if (!postgres.available) return;
  commerce::CatalogService on_sqlite(*sqlite.stores.catalog, *sqlite.stores.orders);
  commerce::CatalogService on_postgres(*postgres.stores.catalog, *postgres.stores.orders);
  for (const char* words : {"lait", "lait demi écrémé", "du lait entier", "beurre", "pâtes",
                            "oeufs", "pommes", "eau gazeuse", "vis", "ampoule", "perceuse",
                            "papier toilette", "café moulu", "tondeuse", "chocolat noir"}) {
    INFO(words);
    std::vector<std::string> a, b;
    for (const auto& c : on_sqlite.Find(words, "fr-FR", "", 5)) a.push_back(c.product.sku);
    for (const auto& c : on_postgres.Find(words, "fr-FR", "", 5)) b.push_back(c.product.sku);
    CHECK(a == b);
  }
}

TEST_CASE("Commerce search syntax is translated, anything else refused", "[store][postgres]") {
  CHECK(*store::FtsToTsQuery("\"lait\"* AND \"demi\"*") == "lait:* & demi:*");
  CHECK(*store::FtsToTsQuery("\"lait\"* OR \"1l\"") == "lait:* | 1l");
  for (const char* hostile : {"", "\"lait", "lait AND", "\"x'); DROP TABLE products; --\"",
                              "\"LAIT\"*", "a NEAR b", "\"a\" \"b\""}) {
    INFO(hostile);
    CHECK(store::FtsToTsQuery(hostile).status().code() == StatusCode::kInvalidArgument);
  }
}

TEST_CASE("Shopping lists on both backends", "[store][postgres]") {
  auto backend = testing::OpenSeededBackend(GENERATE(testing::Backends()), kNow);
  if (!backend.available) return;
  INFO("backend: " << backend.name);
  store::ListStore& lists = *backend.stores.lists;
  CHECK(*lists.Add("bob", "LAIT-ENTIER-1L", 2, 99, kNow) == 2);
  CHECK(*lists.Add("bob", "LAIT-ENTIER-1L", 1.5, 99, kNow + 1) == 3.5);
  CHECK(lists.Add("bob", "LAIT-ENTIER-1L", 100, 99, kNow).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(lists.Add("bob", "NOPE", 1, 99, kNow).status().code() == StatusCode::kNotFound);
  REQUIRE(lists.Set("bob", "LAIT-ECREME-1L", 4, kNow + 2).ok());
  REQUIRE(lists.Set("bob", "LAIT-ENTIER-1L", 1, kNow + 3).ok());
  auto items = lists.Items("bob");
  REQUIRE(items.ok());
  REQUIRE(items->size() == 2);
  CHECK((*items)[0].sku == "LAIT-ENTIER-1L");  // first added first
  CHECK((*items)[0].quantity == 1);
  CHECK((*items)[0].added_at == kNow);
  CHECK((*items)[0].updated_at == kNow + 3);
  CHECK(lists.Remove("bob", "NOPE").code() == StatusCode::kNotFound);
  REQUIRE(lists.Remove("bob", "LAIT-ECREME-1L").ok());
  CHECK(*lists.Clear("bob") == 1);
  CHECK(*lists.Clear("bob") == 0);
  CHECK(lists.Items("bob")->empty());
}

TEST_CASE("Orders keep stock, slots and lists consistent on both backends", "[store][postgres]") {
  auto backend = testing::OpenSeededBackend(GENERATE(testing::Backends()), kNow);
  if (!backend.available) return;
  INFO("backend: " << backend.name);
  store::Stores& s = backend.stores;
  int64_t slot_id = FirstFreeSlot(s);
  auto slot = s.orders->GetSlot(slot_id);
  REQUIRE(slot.ok());
  CHECK(slot->booked == 0);
  CHECK(s.orders->GetSlot(999999).status().code() == StatusCode::kNotFound);

  CHECK(s.orders->Place({"carol", slot_id, "empty", kNow}).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(s.orders->Place({"carol", slot_id, "", kNow}).status().code() ==
        StatusCode::kInvalidArgument);
  REQUIRE(s.lists->Add("carol", "LAIT-ENTIER-1L", 2, 99, kNow).ok());
  REQUIRE(s.lists->Add("carol", "LAIT-ECREME-1L", 1, 99, kNow).ok());
  CHECK(s.orders->Place({"carol", 999999, "k", kNow}).status().code() == StatusCode::kNotFound);
  CHECK(s.orders->Place({"carol", slot_id, "k", slot->cutoff_at}).status().code() ==
        StatusCode::kConflict);

  auto placed = s.orders->Place({"carol", slot_id, "k-carol-1", kNow});
  REQUIRE(placed.ok());
  CHECK_FALSE(placed->replayed);
  CHECK(placed->order.items.size() == 2);
  CHECK(placed->order.items[0].sku == "LAIT-ENTIER-1L");
  CHECK(placed->order.total_cents ==
        slot->fee_cents + placed->order.items[0].price_cents + placed->order.items[1].price_cents);
  CHECK(s.lists->Items("carol")->empty());
  CHECK(s.catalog->GetProduct("LAIT-ENTIER-1L")->stock == 242);
  CHECK(s.orders->GetSlot(slot_id)->booked == 1);

  auto replay = s.orders->Place({"carol", slot_id, "k-carol-1", kNow + 5});
  REQUIRE(replay.ok());
  CHECK(replay->replayed);
  CHECK(replay->order.id == placed->order.id);
  CHECK(replay->order.items.size() == 2);
  CHECK(s.orders->Place({"mallory", slot_id, "k-carol-1", kNow}).status().code() ==
        StatusCode::kConflict);

  // Out of stock: nothing changes.
  REQUIRE(s.lists->Set("carol", "LAIT-ENTIER-1L", 1000, kNow).ok());
  auto short_stock = s.orders->Place({"carol", slot_id, "k-carol-2", kNow});
  CHECK(short_stock.status().code() == StatusCode::kConflict);
  CHECK(short_stock.status().message() == "out of stock: LAIT-ENTIER-1L");
  CHECK(s.orders->GetSlot(slot_id)->booked == 1);
  CHECK(s.lists->Items("carol")->size() == 1);
  REQUIRE(s.lists->Clear("carol").ok());

  auto history = s.orders->PurchaseHistory("carol");
  REQUIRE(history.ok());
  CHECK(history->at("LAIT-ENTIER-1L").first == 1);
  CHECK(history->at("LAIT-ENTIER-1L").second == 2);
  auto orders = s.orders->Orders("carol", 10);
  REQUIRE(orders.ok());
  REQUIRE(orders->size() == 1);
  CHECK(orders->front().items.size() == 2);

  CHECK(s.orders->Cancel("mallory", placed->order.id, kNow).status().code() ==
        StatusCode::kNotFound);
  CHECK(s.orders->Cancel("carol", placed->order.id, slot->cutoff_at).status().code() ==
        StatusCode::kConflict);
  auto cancelled = s.orders->Cancel("carol", placed->order.id, kNow + 10);
  REQUIRE(cancelled.ok());
  CHECK(cancelled->status == "cancelled");
  CHECK(s.catalog->GetProduct("LAIT-ENTIER-1L")->stock == 244);
  CHECK(s.orders->GetSlot(slot_id)->booked == 0);
  CHECK(s.orders->Cancel("carol", placed->order.id, kNow + 11).status().code() ==
        StatusCode::kConflict);
  CHECK(s.orders->PurchaseHistory("carol")->empty());
}

TEST_CASE("A full slot refuses the next order on both backends", "[store][postgres]") {
  auto backend = testing::OpenSeededBackend(GENERATE(testing::Backends()), kNow);
  if (!backend.available) return;
  INFO("backend: " << backend.name);
  store::Stores& s = backend.stores;
  store::Slot one;
  one.store_id = "paris-republique";
  one.fulfillment = "pickup";
  one.start_at = kNow + 7200 + 420;  // 12:07, a time no demo template uses
  one.end_at = kNow + 10800;
  one.cutoff_at = kNow + 3600;
  one.capacity = 1;
  REQUIRE(s.orders->EnsureSlots({one, one}).ok());  // the second is ignored
  auto free = s.orders->FreeSlots("paris-republique", "pickup", kNow, one.start_at, 1);
  REQUIRE(free.ok());
  REQUIRE(free->size() == 1);
  int64_t id = free->front().id;
  CHECK(free->front().capacity == 1);
  REQUIRE(s.lists->Add("dan", "LAIT-ENTIER-1L", 1, 99, kNow).ok());
  REQUIRE(s.lists->Add("eve", "LAIT-ENTIER-1L", 1, 99, kNow).ok());
  REQUIRE(s.orders->Place({"dan", id, "dan-1", kNow}).ok());
  auto full = s.orders->Place({"eve", id, "eve-1", kNow});
  CHECK(full.status().code() == StatusCode::kConflict);
  CHECK(full.status().message() == "slot full");
  CHECK(s.orders->FreeSlots("paris-republique", "pickup", kNow, one.start_at, 1)->front().id != id);
}

TEST_CASE("Customers and linked accounts on both backends", "[store][postgres]") {
  auto backend = testing::OpenSeededBackend(GENERATE(testing::Backends()), kNow);
  if (!backend.available) return;
  INFO("backend: " << backend.name);
  store::CustomerStore& customers = *backend.stores.customers;
  CHECK_FALSE(customers.Get("frank")->has_value());
  REQUIRE(customers.Put({"frank", "", "75011", "fr-FR", kNow}).ok());
  REQUIRE(customers.Put({"frank", "paris-republique", "75011", "en-US", kNow + 99}).ok());
  auto got = customers.Get("frank");
  REQUIRE(got.ok());
  REQUIRE(got->has_value());
  CHECK((*got)->preferred_store == "paris-republique");
  CHECK((*got)->locale == "en-US");
  CHECK((*got)->created_at == kNow);  // never rewritten
  CHECK_FALSE(customers.FindAccount("alexa", "amzn1.x")->has_value());
  REQUIRE(customers.Put({"grace", "", "", "fr-FR", kNow}).ok());
  REQUIRE(customers.LinkAccount("alexa", "amzn1.x", "frank").ok());
  REQUIRE(customers.LinkAccount("alexa", "amzn1.x", "grace").ok());
  CHECK(customers.FindAccount("alexa", "amzn1.x")->value() == "grace");
}
