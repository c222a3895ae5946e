#include "store/database.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>
#include <vector>

#include "support/temp_dir.h"

using namespace chariot;

namespace {

std::unique_ptr<store::Database> OpenWithTable(const std::string& path,
                                               store::DatabaseOptions options = {}) {
  auto db = store::Database::Open(path, options);
  REQUIRE(db.ok());
  REQUIRE((*db)
              ->Write([](store::Connection& c) {
                c.Exec("CREATE TABLE t(x INTEGER PRIMARY KEY, note TEXT)");
                return Status::Ok();
              })
              .ok());
  return std::move(*db);
}

std::vector<int64_t> Rows(store::Database& db) {
  return db
      .Read([](store::Connection& c) -> Result<std::vector<int64_t>> {
        std::vector<int64_t> rows;
        auto& q = c.Prepare("SELECT x FROM t ORDER BY x");
        while (q.executeStep()) rows.push_back(q.getColumn(0).getInt64());
        return rows;
      })
      .value();
}

Status Insert(store::Database& db, int64_t x) {
  return db.Write([x](store::Connection& c) {
    auto& insert = c.Prepare("INSERT INTO t(x) VALUES(?)");
    insert.bind(1, x);
    insert.exec();
    return Status::Ok();
  });
}

// Waits (bounded) until `count` writes queue behind the batch in progress.
bool WaitForQueued(store::Database& db, size_t count) {
  for (int i = 0; i < 5000 && db.QueuedWrites() < count; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return db.QueuedWrites() >= count;
}

}  // namespace

TEST_CASE("concurrent writes are all committed and readable once Write returns", "[store][group]") {
  testing::TempDir dir;
  auto db = OpenWithTable(dir.File("g.db"));
  constexpr int kThreads = 8, kPerThread = 50;
  std::atomic<int> failures{0}, unseen{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        int64_t x = t * 1000 + i;
        if (!Insert(*db, x).ok()) ++failures;
        // Acknowledged means visible to every later read, on any connection.
        bool seen = db->Read([x](store::Connection& c) -> Result<bool> {
                        auto& q = c.Prepare("SELECT 1 FROM t WHERE x = ?");
                        q.bind(1, x);
                        return q.executeStep();
                      }).value();
        if (!seen) ++unseen;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(failures == 0);
  CHECK(unseen == 0);
  CHECK(Rows(*db).size() == kThreads * kPerThread);
  store::WriteStats stats = db->Stats();
  CHECK(stats.writes == kThreads * kPerThread + 1);
  CHECK(stats.commits <= stats.writes);
}

TEST_CASE("writes queued behind a batch share one commit, and a failure undoes only its own",
          "[store][group]") {
  testing::TempDir dir;
  auto db = OpenWithTable(dir.File("b.db"));
  constexpr int kFollowers = 6;
  std::vector<Status> results(kFollowers);
  std::vector<std::thread> followers;
  store::WriteStats before = db->Stats();

  // The first write holds the writer until the followers queue up: they form the next batch.
  Status first = db->Write([&](store::Connection& c) {
    c.Exec("INSERT INTO t(x) VALUES(100)");
    for (int i = 0; i < kFollowers; ++i) {
      followers.emplace_back([&, i] {
        results[i] = db->Write([i](store::Connection& c) -> Status {
          c.Exec("INSERT INTO t(x) VALUES(" + std::to_string(i) + ")");
          if (i == 1) return Status::Conflict("changed my mind");
          if (i == 3) c.Exec("INSERT INTO missing VALUES(1)");  // throws: no such table
          if (i == 4) c.Exec("INSERT INTO t(x) VALUES(100)");   // throws: duplicate key
          return Status::Ok();
        });
      });
    }
    REQUIRE(WaitForQueued(*db, kFollowers));
    return Status::Ok();
  });
  for (auto& thread : followers) thread.join();

  CHECK(first.ok());
  CHECK(results[0].ok());
  CHECK(results[1].code() == StatusCode::kConflict);
  CHECK(results[2].ok());
  CHECK(results[3].code() == StatusCode::kInternal);
  CHECK(results[4].code() == StatusCode::kInternal);
  CHECK(results[5].ok());
  CHECK(Rows(*db) == std::vector<int64_t>{0, 2, 5, 100});
  store::WriteStats after = db->Stats();
  CHECK(after.writes - before.writes == kFollowers + 1);
  CHECK(after.commits - before.commits == 2);
}

TEST_CASE("a write may read and write again inside its callback", "[store][group]") {
  testing::TempDir dir;
  auto db = OpenWithTable(dir.File("n.db"));
  Status outer = db->Write([&](store::Connection& c) {
    c.Exec("INSERT INTO t(x) VALUES(1)");
    // The inner read sees the outer write: it runs on the same connection.
    int64_t count = db->Read([](store::Connection& r) -> Result<int64_t> {
                        auto& q = r.Prepare("SELECT count(*) FROM t");
                        q.executeStep();
                        return q.getColumn(0).getInt64();
                      }).value();
    CHECK(count == 1);
    CHECK(Insert(*db, 2).ok());
    Status inner_failed = db->Write([](store::Connection& w) {
      w.Exec("INSERT INTO t(x) VALUES(3)");
      return Status::InvalidArgument("no");
    });
    CHECK(inner_failed.code() == StatusCode::kInvalidArgument);
    return Status::Ok();
  });
  CHECK(outer.ok());
  CHECK(Rows(*db) == std::vector<int64_t>{1, 2});

  // An outer failure undoes what its inner writes did.
  Status undone = db->Write([&](store::Connection&) {
    CHECK(Insert(*db, 4).ok());
    return Status::Conflict("undo all");
  });
  CHECK(undone.code() == StatusCode::kConflict);
  CHECK(Rows(*db) == std::vector<int64_t>{1, 2});
}

TEST_CASE("a database locked by another process fails writes with Unavailable, nothing written",
          "[store][group]") {
  testing::TempDir dir;
  store::DatabaseOptions options;
  options.busy_timeout_ms = 100;
  auto db = OpenWithTable(dir.File("l.db"), options);
  REQUIRE(Insert(*db, 1).ok());

  SQLite::Database other(dir.File("l.db"), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");
  other.exec("INSERT INTO t(x) VALUES(50)");
  Status locked = Insert(*db, 2);
  CHECK(locked.code() == StatusCode::kUnavailable);
  // Reads still work: WAL readers do not wait for a writer.
  CHECK(Rows(*db) == std::vector<int64_t>{1});
  other.exec("ROLLBACK");

  CHECK(Insert(*db, 3).ok());
  CHECK(Rows(*db) == std::vector<int64_t>{1, 3});
}

TEST_CASE("an in-memory database reads on its one connection", "[store][group]") {
  auto db = OpenWithTable(":memory:");
  REQUIRE(Insert(*db, 7).ok());
  CHECK(Rows(*db) == std::vector<int64_t>{7});
}

TEST_CASE("a statement left mid-result does not pin an old snapshot", "[store][group]") {
  testing::TempDir dir;
  store::DatabaseOptions options;
  options.read_connections = 1;
  auto db = OpenWithTable(dir.File("s.db"), options);
  REQUIRE(Insert(*db, 1).ok());
  REQUIRE(Insert(*db, 2).ok());
  // Steps once and leaves the statement with a row pending.
  auto first = db->Read([](store::Connection& c) -> Result<int64_t> {
    auto& q = c.Prepare("SELECT x FROM t ORDER BY x");
    q.executeStep();
    return q.getColumn(0).getInt64();
  });
  REQUIRE(first.ok());
  REQUIRE(Insert(*db, 3).ok());
  auto count = db->Read([](store::Connection& c) -> Result<int64_t> {
    auto& q = c.Prepare("SELECT count(*) FROM t");
    q.executeStep();
    return q.getColumn(0).getInt64();
  });
  CHECK(count.value() == 3);
}

TEST_CASE("the write-ahead log is checkpointed in the background", "[store][group]") {
  testing::TempDir dir;
  store::DatabaseOptions options;
  options.checkpoint_pages = 8;
  auto db = OpenWithTable(dir.File("c.db"), options);
  auto file_size = [&] { return std::filesystem::file_size(dir.File("c.db")); };
  auto before = file_size();
  for (int i = 0; i < 200; ++i) {
    REQUIRE(db->Write([i](store::Connection& c) {
                auto& insert = c.Prepare("INSERT INTO t(x, note) VALUES(?, ?)");
                insert.bind(1, i);
                insert.bind(2, std::string(2000, 'n'));
                insert.exec();
                return Status::Ok();
              }).ok());
  }
  // The rows reach the database file itself (not only the log), without any Write() doing it.
  for (int i = 0; i < 5000 && file_size() <= before + 100 * 1000; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  CHECK(file_size() > before + 100 * 1000);
  CHECK(Rows(*db).size() == 200);
}
