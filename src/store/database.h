// Database: the one SQLite database of the embedded default, with statement caches and group
// commit.
//
// Owns one write connection and a few read connections to one SQLite file (WAL,
// synchronous=FULL, busy_timeout, foreign keys on). SQLiteCpp has no statement cache and a
// connection is not thread-safe, so every use goes through Read() or Write(), which hand out
// cached prepared statements of a connection nobody else is using.
//
// Group commit: synchronous=FULL costs one fsync per COMMIT, which caps durable commits at a few
// thousand a second. Write() therefore batches: the callbacks of concurrent Write() calls run one
// after the other on one thread (the leader, itself a caller) inside one BEGIN IMMEDIATE ...
// COMMIT, each inside its own SAVEPOINT, so one fsync covers the batch. A callback that fails
// rolls back to its savepoint: only its own work is undone. Every caller returns only after the
// COMMIT of its batch, so an OK from Write() still means "on disk".
//
// Reads use separate connections (WAL lets them read while the writer commits), so a read never
// waits for a batch's fsync. A read sees every write whose Write() has returned. A background
// thread checkpoints the WAL into the database file, so no COMMIT waits for a checkpoint.
//
// SQLite exceptions never leave this layer: they become a Status (Unavailable when the database
// is locked by another process for longer than busy_timeout_ms, Internal otherwise).
//
// Only code under src/store may include this header (no SQL outside src/store).
//
// Thread safety: all methods are safe from many threads. A Write() callback may call Read() or
// Write() of the same Database (they run on the batch's connection, the inner Write() as a nested
// savepoint); a Read() callback must not call Write().
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace chariot::store {

// Access to a connection inside Read()/Write(); valid only during the callback.
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

  // Resets the statements handed out since the last call, so none keeps a read transaction
  // (and its old snapshot) open after the callback. Called by Database after each callback.
  void ResetUsedStatements();

 private:
  SQLite::Database& db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> cache_;
  std::vector<SQLite::Statement*> used_;
};

struct DatabaseOptions {
  // How long a write waits for a lock held by another process before it fails with
  // Unavailable. Keep it well under the platforms' deadlines (Dialogflow 5 s, Alexa 8 s) so a
  // turn can still apologise in time.
  int busy_timeout_ms = 2000;
  // Connections for Read(); 0 reads on the write connection (forced for ":memory:").
  int read_connections = 4;
  // Most Write() callbacks committed together in one transaction.
  int max_batch = 128;
  // WAL size (pages) past which the background thread checkpoints it into the database file.
  // Checkpoints run off the commit path so no request waits for one.
  int checkpoint_pages = 1000;
};

// Counters for benchmarks and /metrics.
struct WriteStats {
  int64_t writes = 0;   // Write() calls that reached a batch
  int64_t commits = 0;  // COMMITs (so fsyncs) that ended a batch
};

class Database {
 public:
  // Opens (creating if needed) the database at path. Does not migrate: see Migrate().
  // Fails with Unavailable when the file cannot be opened.
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                DatabaseOptions options = {});
  ~Database();

  // Runs fn(Connection&) -> Result<T> or Status on a read connection, outside a write
  // transaction. An exception from fn becomes a Status.
  template <typename Fn>
  auto Read(Fn&& fn) -> decltype(fn(std::declval<Connection&>()));

  // Runs fn(Connection&) -> Status in a write transaction and returns once it is committed
  // (durably: synchronous=FULL) when the result is OK. On a non-OK status or an exception from
  // fn, everything fn wrote is rolled back and the status (Internal for an exception) returned.
  // When the transaction cannot start or commit (locked by another process past busy_timeout,
  // disk error), nothing of fn is written and the result is Unavailable or Internal.
  // fn may run on another caller's thread (the batch leader); it must not rely on thread-locals.
  Status Write(const std::function<Status(Connection&)>& fn);

  // Cheap liveness check for /readyz.
  Status Ping();

  WriteStats Stats() const;
  // Write() calls waiting for the batch in progress to end.
  size_t QueuedWrites() const;
  const std::string& path() const { return path_; }

 private:
  struct PendingWrite;
  struct ReadSlot;

  Database(std::string path, DatabaseOptions options);
  static Status FromException(const std::exception& e, const char* what);
  Status WriteNested(const std::function<Status(Connection&)>& fn);
  // Takes the write connection and runs the batch (RunBatch), failing it whole on an exception.
  // Both return true when the batch could not start because the database stayed locked.
  bool CommitBatch(const std::vector<PendingWrite*>& batch);
  bool RunBatch(const std::vector<PendingWrite*>& batch);
  // Runs one callback inside a savepoint; returns its status. Sets *transaction_lost when SQLite
  // rolled back the whole transaction by itself (I/O error, disk full).
  Status RunInSavepoint(const std::function<Status(Connection&)>& fn, bool* transaction_lost);
  bool InTransaction() const;
  ReadSlot* AcquireReadSlot();

  // Reads on the write connection when there are no read connections or when called from
  // inside a Write() callback.
  bool ReadOnWriter() const;

  std::string path_;
  DatabaseOptions options_;

  // The write connection; held by the batch leader for the whole batch.
  std::mutex writer_mutex_;
  std::unique_ptr<SQLite::Database> writer_;
  std::unique_ptr<Connection> writer_connection_;

  // Writes waiting for a leader, and whether one is running a batch.
  mutable std::mutex queue_mutex_;
  std::vector<PendingWrite*> queue_;
  bool leader_active_ = false;
  WriteStats stats_;

  std::vector<std::unique_ptr<ReadSlot>> readers_;

  // Background checkpoints (see DatabaseOptions::checkpoint_pages).
  static int OnWalCommit(void* self, ::sqlite3* db, const char* name, int pages);
  void CheckpointLoop();
  std::unique_ptr<SQLite::Database> checkpointer_;
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_wanted_;
  bool checkpoint_pending_ = false;
  bool stopping_ = false;
  std::thread checkpoint_thread_;
};

struct Database::ReadSlot {
  std::mutex mutex;
  std::unique_ptr<SQLite::Database> db;
  std::unique_ptr<Connection> connection;
};

namespace internal {
// The Database whose Write() callback runs on this thread, if any.
const Database*& WritingDatabase();
}  // namespace internal

template <typename Fn>
auto Database::Read(Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
  if (ReadOnWriter()) {
    // Inside a Write() callback this thread already holds the write connection.
    bool nested = internal::WritingDatabase() == this;
    std::unique_lock<std::mutex> lock(writer_mutex_, std::defer_lock);
    if (!nested) lock.lock();
    try {
      auto result = fn(*writer_connection_);
      if (!nested) writer_connection_->ResetUsedStatements();
      return result;
    } catch (const std::exception& e) {
      if (!nested) writer_connection_->ResetUsedStatements();
      return FromException(e, "read");
    }
  }
  ReadSlot* slot = AcquireReadSlot();
  std::lock_guard<std::mutex> lock(slot->mutex, std::adopt_lock);
  try {
    auto result = fn(*slot->connection);
    slot->connection->ResetUsedStatements();
    return result;
  } catch (const std::exception& e) {
    slot->connection->ResetUsedStatements();
    return FromException(e, "read");
  }
}

}  // namespace chariot::store
