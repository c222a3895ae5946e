#include "store/sqlite/sqlite_session_store.h"

#include <catch2/catch.hpp>

#include "store/migrations.h"
#include "support/temp_dir.h"

using namespace chariot;

TEST_CASE("sessions are saved, expire and are swept", "[store][sessions]") {
  testing::TempDir dir;
  auto db = store::Database::Open(dir.File("s.db"));
  REQUIRE(db.ok());
  REQUIRE(store::Migrate(
              **db, *store::LoadMigrations(std::string(CHARIOT_SOURCE_DIR) + "/schemas/migrations"))
              .ok());
  store::SqliteSessionStore sessions(**db);
  REQUIRE(sessions.Save({"s1", "u1", "{\"state\":\"x\"}", 100, 200}).ok());
  auto loaded = sessions.Load("s1", 150);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->has_value());
  CHECK((*loaded)->state_json == "{\"state\":\"x\"}");
  CHECK_FALSE(sessions.Load("s1", 200)->has_value());  // expired at its deadline
  CHECK_FALSE(sessions.Load("unknown", 150)->has_value());
  auto expired = sessions.Expired(250, 10);
  REQUIRE(expired.ok());
  REQUIRE(expired->size() == 1);
  REQUIRE(sessions.Remove("s1").ok());
  CHECK(sessions.Expired(250, 10)->empty());
}

TEST_CASE("a failed write is rolled back whole", "[store]") {
  testing::TempDir dir;
  auto db = store::Database::Open(dir.File("r.db"));
  REQUIRE(db.ok());
  REQUIRE((*db)
              ->Write([](store::Connection& c) {
                c.Exec("CREATE TABLE t(x INTEGER)");
                return Status::Ok();
              })
              .ok());
  Status failed = (*db)->Write([](store::Connection& c) {
    c.Exec("INSERT INTO t VALUES(1)");
    return Status::Conflict("changed my mind");
  });
  CHECK(failed.code() == StatusCode::kConflict);
  Status thrown = (*db)->Write([](store::Connection& c) {
    c.Exec("INSERT INTO t VALUES(2)");
    c.Exec("INSERT INTO missing VALUES(3)");
    return Status::Ok();
  });
  CHECK(thrown.code() == StatusCode::kInternal);
  int rows = (*db)
                 ->Read([](store::Connection& c) -> Result<int> {
                   auto& q = c.Prepare("SELECT count(*) FROM t");
                   q.executeStep();
                   return q.getColumn(0).getInt();
                 })
                 .value();
  CHECK(rows == 0);
}
