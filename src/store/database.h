// Database: the one SQLite database of the embedded default, with a statement cache.
//
// Owns one SQLite connection (WAL, synchronous=FULL, busy_timeout, foreign keys on). SQLiteCpp
// has no statement cache and a connection is not thread-safe, so every use goes through Read()
// or Write(), which hold the connection's lock and hand out cached prepared statements.
// SQLite exceptions never leave this layer: they become a Status.
//
// Only code under src/store may include this header (no SQL outside src/store).
//
// Thread safety: all methods are safe from many threads; calls are serialised.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/status.h"

namespace chariot::store {

// Access to the connection inside Read()/Write(); valid only during the callback.
class Connection {
 public:
  explicit Connection(SQLite::Database& db) : db_(db) {}
  // A prepared statement for sql, reset and with bindings cleared, reused across calls.
  SQLite::Statement& Prepare(const std::string& sql);
  // Runs sql that returns no rows (DDL, simple writes); returns rows changed.
  int Exec(const std::string& sql) { return db_.exec(sql); }
  int64_t LastInsertRowId() const { return db_.getLastInsertRowid(); }
  int Changes() const { return db_.getChanges(); }
  SQLite::Database& raw() { return db_; }

 private:
  SQLite::Database& db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> cache_;
};

struct DatabaseOptions {
  int busy_timeout_ms = 5000;
};

class Database {
 public:
  // Opens (creating if needed) the database at path. Does not migrate: see Migrate().
  // Fails with Unavailable when the file cannot be opened.
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                DatabaseOptions options = {});

  // Runs fn(Connection&) -> Result<T> or Status under the lock, outside a write transaction.
  template <typename Fn>
  auto Read(Fn&& fn) -> decltype(fn(std::declval<Connection&>()));

  // Runs fn(Connection&) -> Status inside BEGIN IMMEDIATE ... COMMIT. The commit is durable
  // (synchronous=FULL) when Write returns OK. On a non-OK status or an exception the
  // transaction is rolled back and nothing is written.
  Status Write(const std::function<Status(Connection&)>& fn);

  // Cheap liveness check for /readyz.
  Status Ping();

  const std::string& path() const { return path_; }

 private:
  Database(std::string path, std::unique_ptr<SQLite::Database> db);
  static Status FromException(const std::exception& e, const char* what);

  std::string path_;
  std::mutex mutex_;
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<Connection> connection_;
};

template <typename Fn>
auto Database::Read(Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    return fn(*connection_);
  } catch (const std::exception& e) {
    return FromException(e, "read");
  }
}

}  // namespace chariot::store
