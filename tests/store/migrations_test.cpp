#include "store/migrations.h"

#include <catch2/catch.hpp>

#include "support/temp_dir.h"

using namespace chariot;

namespace {
std::string MigrationsDir() { return std::string(CHARIOT_SOURCE_DIR) + "/schemas/migrations"; }
}  // namespace

TEST_CASE("migrations bring an empty database to the newest version", "[store][migrations]") {
  testing::TempDir dir;
  auto db = store::Database::Open(dir.File("a.db"));
  REQUIRE(db.ok());
  auto migrations = store::LoadMigrations(MigrationsDir());
  REQUIRE(migrations.ok());
  REQUIRE(!migrations->empty());
  auto version = store::Migrate(**db, *migrations);
  REQUIRE(version.ok());
  CHECK(*version == migrations->back().version);
  CHECK(*store::SchemaVersion(**db) == migrations->back().version);
  // Running again changes nothing.
  CHECK(store::Migrate(**db, *migrations).ok());
}

TEST_CASE("a database at every earlier version upgrades to the newest", "[store][migrations]") {
  auto migrations = store::LoadMigrations(MigrationsDir());
  REQUIRE(migrations.ok());
  for (size_t stop = 0; stop < migrations->size(); ++stop) {
    testing::TempDir dir;
    auto db = store::Database::Open(dir.File("b.db"));
    REQUIRE(db.ok());
    std::vector<store::Migration> first(migrations->begin(), migrations->begin() + stop);
    REQUIRE(store::Migrate(**db, first).ok());
    CHECK(*store::SchemaVersion(**db) == static_cast<int>(stop));
    auto version = store::Migrate(**db, *migrations);
    REQUIRE(version.ok());
    CHECK(*version == migrations->back().version);
  }
}

TEST_CASE("a database newer than the code is refused", "[store][migrations]") {
  testing::TempDir dir;
  auto db = store::Database::Open(dir.File("c.db"));
  REQUIRE(db.ok());
  auto migrations = store::LoadMigrations(MigrationsDir());
  REQUIRE(migrations.ok());
  REQUIRE(store::Migrate(**db, *migrations).ok());
  REQUIRE((*db)
              ->Write([&](store::Connection& c) {
                c.Exec("PRAGMA user_version = " + std::to_string(migrations->back().version + 1));
                return Status::Ok();
              })
              .ok());
  auto refused = store::Migrate(**db, *migrations);
  REQUIRE(!refused.ok());
  CHECK(refused.status().code() == StatusCode::kConflict);
  CHECK(refused.status().message().find("newer") != std::string::npos);
}

TEST_CASE("a failing migration leaves the database at the previous whole version",
          "[store][migrations]") {
  testing::TempDir dir;
  auto db = store::Database::Open(dir.File("d.db"));
  REQUIRE(db.ok());
  std::vector<store::Migration> migrations = {
      {1, "0001_a.sql", "CREATE TABLE a(x INTEGER);"},
      {2, "0002_b.sql", "CREATE TABLE b(x INTEGER); INSERT INTO nowhere VALUES(1);"}};
  auto result = store::Migrate(**db, migrations);
  CHECK(!result.ok());
  CHECK(*store::SchemaVersion(**db) == 1);
  bool has_b = (*db)
                   ->Read([](store::Connection& c) -> Result<bool> {
                     auto& q = c.Prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'");
                     q.executeStep();
                     return q.getColumn(0).getInt() == 1;
                   })
                   .value();
  CHECK_FALSE(has_b);
}
