// A migrated temporary database seeded with the demo data of data/, and the shopping service on
// it, at a fixed time: Monday 2026-11-23 10:00 in Paris.
#pragma once

#include <catch2/catch.hpp>
#include <memory>

#include "app/paths.h"
#include "commerce/seed.h"
#include "commerce/shopping_service.h"
#include "store/migrations.h"
#include "store/sqlite/commerce_stores.h"
#include "support/temp_dir.h"

namespace chariot::testing {

// 2026-11-23 09:00 UTC = 10:00 in Paris, a Monday.
inline constexpr int64_t kMondayMorning = 1795424400;

struct CommerceFixture {
  TempDir dir;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::SqliteCommerceStores> stores;
  FixedClock clock{kMondayMorning};
  std::unique_ptr<commerce::ShoppingService> shopping;

  CommerceFixture() {
    auto opened = store::Database::Open(dir.File("commerce.db"));
    REQUIRE(opened.ok());
    db = std::move(*opened);
    auto paths = app::ResolveResourcePaths();
    auto migrations = store::LoadMigrations(paths.migrations_dir);
    REQUIRE(migrations.ok());
    REQUIRE(store::Migrate(*db, *migrations).ok());
    stores = std::make_unique<store::SqliteCommerceStores>(*db);
    auto seeded =
        commerce::SeedDemoData(stores->catalog, stores->orders, paths.data_dir, clock.NowSeconds());
    INFO(seeded.status().message());
    REQUIRE(seeded.ok());
    shopping = std::make_unique<commerce::ShoppingService>(
        stores->catalog, stores->lists, stores->orders, stores->customers, clock);
  }

  // A customer living in Paris 11e (delivery and express covered), store Paris République.
  std::string ParisCustomer(const std::string& id = "alice") {
    REQUIRE(shopping->customers().SetPostcode(id, "75011").ok());
    return id;
  }
};

}  // namespace chariot::testing
