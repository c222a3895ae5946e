// The session and settings contracts, checked on PostgreSQL (SQLite: ../session_store_test.cpp).
#include "store/postgres/pg_session_store.h"

#include <catch2/catch.hpp>
#include <set>
#include <thread>

#include "support/store_backends.h"

using namespace chariot;

TEST_CASE("PostgreSQL sessions are saved, expire and are swept once", "[store][postgres]") {
  testing::PostgresBackend backend;
  if (!backend.db) return;
  store::PgSessionStore sessions(*backend.db);
  REQUIRE(sessions.Save({"s1", "u1", "{\"state\":\"x\"}", 100, 200}).ok());
  REQUIRE(sessions.Save({"s1", "u1", "{\"state\":\"y\"}", 110, 210}).ok());
  auto loaded = sessions.Load("s1", 150);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->has_value());
  CHECK((*loaded)->state_json == "{\"state\":\"y\"}");
  CHECK_FALSE(sessions.Load("s1", 210)->has_value());
  CHECK_FALSE(sessions.Load("unknown", 150)->has_value());

  // Two sweepers at once (two instances) never claim the same expired session.
  for (int i = 0; i < 40; ++i) {
    REQUIRE(sessions.Save({"e" + std::to_string(i), "u", "{}", 0, 10}).ok());
  }
  std::vector<std::string> first, second;
  std::thread a([&] {
    for (int k = 0; k < 10; ++k) {
      auto claimed = sessions.Expired(100, 3);
      for (auto& s : *claimed) first.push_back(s.id);
    }
  });
  std::thread b([&] {
    for (int k = 0; k < 10; ++k) {
      auto claimed = sessions.Expired(100, 3);
      for (auto& s : *claimed) second.push_back(s.id);
    }
  });
  a.join();
  b.join();
  std::set<std::string> all(first.begin(), first.end());
  for (auto& id : second) CHECK(all.insert(id).second);
  CHECK(all.size() == 40);
  // A claimed session stays expired for a request meanwhile, and is not claimed again.
  CHECK_FALSE(sessions.Load("e0", 100)->has_value());
  CHECK(sessions.Expired(100, 50)->empty());
  // Saved again (a new turn with that id), it is alive and no longer claimed.
  REQUIRE(sessions.Save({"e0", "u", "{}", 100, 150}).ok());
  CHECK(sessions.Load("e0", 120)->has_value());
  // A claim lasts a minute: sessions a sweeper claimed but never removed (it died) are swept
  // again later, with e0, expired anew.
  CHECK(sessions.Expired(200, 50)->size() == 40);
  REQUIRE(sessions.Remove("s1").ok());
}

TEST_CASE("PostgreSQL settings keep the first value stored", "[store][postgres]") {
  testing::PostgresBackend backend;
  if (!backend.db) return;
  store::PgSettingsStore settings(*backend.db);
  CHECK_FALSE(settings.Get("api_token")->has_value());
  CHECK(*settings.GetOrInsert("api_token", "first") == "first");
  CHECK(*settings.GetOrInsert("api_token", "second") == "first");
  CHECK(settings.Get("api_token")->value() == "first");
}

TEST_CASE("PostgreSQL migrations refuse a newer database", "[store][postgres][migrations]") {
  testing::PostgresBackend backend;
  if (!backend.db) return;
  auto migrations =
      store::LoadMigrations(std::string(CHARIOT_SOURCE_DIR) + "/schemas/migrations/postgres");
  REQUIRE(backend.db
              ->Write([](store::PgTransaction& tx) {
                tx.Exec("UPDATE chariot_schema SET version = 999");
                return Status::Ok();
              })
              .ok());
  auto refused = store::PgMigrate(*backend.db, *migrations);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == StatusCode::kConflict);
}
