// Header only (CMake compiles *_test.cpp under tests/). The same store tests on SQLite and on
// PostgreSQL: a test case does
//   auto backend = testing::OpenBackend(GENERATE(testing::Backends()));
//   if (!backend.available) return;
// and runs once per backend against backend.stores (the app's store::Stores).
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "app/paths.h"
#include "commerce/seed.h"
#include "store/postgres/pg_stores.h"
#include "store/sqlite/sqlite_stores.h"
#include "store/stores.h"
#include "support/store_backends.h"

namespace chariot::testing {

struct BackendStores {
  std::string name;
  bool available = false;
  std::unique_ptr<SqliteBackend> sqlite;
  std::unique_ptr<PostgresBackend> postgres;
  store::Stores stores;
};

// "sqlite" and "postgresql".
inline Catch::Generators::GeneratorWrapper<std::string> Backends() {
  return Catch::Generators::values<std::string>({"sqlite", "postgresql"});
}

// A migrated, empty database of that backend. available is false (with a WARN) when PostgreSQL
// is not installed.

inline BackendStores OpenBackend(const std::string& name) {
  BackendStores backend;
  backend.name = name;
  if (name == "sqlite") {
    backend.sqlite = std::make_unique<SqliteBackend>();
    auto stores = store::OpenSqliteStores(*backend.sqlite->db);
    REQUIRE(stores.ok());
    backend.stores = std::move(*stores);
  } else {
    backend.postgres = std::make_unique<PostgresBackend>();
    if (!backend.postgres->db) return backend;
    auto stores = store::OpenPostgresStores(*backend.postgres->db);
    REQUIRE(stores.ok());
    backend.stores = std::move(*stores);
  }
  backend.available = true;
  return backend;
}

// OpenBackend, then the demo data of data/ seeded at `now`.
inline BackendStores OpenSeededBackend(const std::string& name, int64_t now) {
  BackendStores backend = OpenBackend(name);
  if (!backend.available) return backend;
  auto seeded = commerce::SeedDemoData(*backend.stores.catalog, *backend.stores.orders,
                                       app::ResolveResourcePaths().data_dir, now);
  INFO(seeded.status().message());
  REQUIRE(seeded.ok());
  return backend;
}

}  // namespace chariot::testing
