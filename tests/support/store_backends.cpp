#include "support/store_backends.h"

#include <catch2/catch.hpp>

#include "app/paths.h"

namespace chariot::testing {

PostgresProcess& SharedPostgres() {
  static PostgresProcess server;
  return server;
}

SqliteBackend::SqliteBackend() {
  db = std::move(*store::Database::Open(dir.File("store.db")));
  auto migrations = store::LoadMigrations(app::ResolveResourcePaths().migrations_dir);
  REQUIRE(migrations.ok());
  REQUIRE(store::Migrate(*db, *migrations).ok());
}

PostgresBackend::PostgresBackend() {
  PostgresProcess& server = SharedPostgres();
  if (!server.available()) {
    WARN("PostgreSQL tests not run: " << server.why_unavailable());
    return;
  }
  auto opened = store::PgDatabase::Open(server.NewDatabase(), {4});
  REQUIRE(opened.ok());
  db = std::move(*opened);
  auto migrations = store::LoadMigrations(app::ResolveResourcePaths().migrations_dir + "/postgres");
  REQUIRE(migrations.ok());
  auto version = store::PgMigrate(*db, *migrations);
  INFO(version.status().message());
  REQUIRE(version.ok());
}

}  // namespace chariot::testing
