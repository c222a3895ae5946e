#include "store/database.h"

#include <sqlite3.h>

#include <cstdio>
#include <functional>
#include <thread>

namespace chariot::store {
namespace {

std::unique_ptr<SQLite::Database> OpenConnection(const std::string& path,
                                                 const DatabaseOptions& options) {
  auto db = std::make_unique<SQLite::Database>(
      path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
  db->setBusyTimeout(options.busy_timeout_ms);
  db->exec("PRAGMA journal_mode=WAL");
  // FULL: a commit that returned is on disk, so "saved" means saved even after a power cut.
  db->exec("PRAGMA synchronous=FULL");
  db->exec("PRAGMA foreign_keys=ON");
  return db;
}

bool InMemory(const std::string& path) {
  return path.empty() || path == ":memory:" || path.rfind("file::memory:", 0) == 0;
}

}  // namespace

namespace internal {
const Database*& WritingDatabase() {
  thread_local const Database* writing = nullptr;
  return writing;
}
}  // namespace internal

// One caller's Write(), queued until a leader runs it. Lives on the caller's stack: the caller
// waits until `done`, which the leader sets under queue_mutex_.
struct Database::PendingWrite {
  explicit PendingWrite(const std::function<Status(Connection&)>* f) : fn(f) {}
  const std::function<Status(Connection&)>* fn;
  Status status;
  bool done = false;
  std::condition_variable wake;
};

SQLite::Statement& Connection::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    it = cache_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
  } else {
    // tryReset: reset() throws the error of the statement's last failed step, which was
    // already reported to whoever ran it.
    it->second->tryReset();
    it->second->clearBindings();
  }
  used_.push_back(it->second.get());
  return *it->second;
}

void Connection::ResetUsedStatements() {
  for (SQLite::Statement* statement : used_) statement->tryReset();
  used_.clear();
}

Database::Database(std::string path, DatabaseOptions options)
    : path_(std::move(path)), options_(options) {}

Database::~Database() {
  if (checkpoint_thread_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(checkpoint_mutex_);
      stopping_ = true;
    }
    checkpoint_wanted_.notify_one();
    checkpoint_thread_.join();
  }
}

int Database::OnWalCommit(void* self, sqlite3*, const char*, int pages) {
  auto* database = static_cast<Database*>(self);
  if (pages >= database->options_.checkpoint_pages) {
    {
      std::lock_guard<std::mutex> lock(database->checkpoint_mutex_);
      database->checkpoint_pending_ = true;
    }
    database->checkpoint_wanted_.notify_one();
  }
  return SQLITE_OK;
}

void Database::CheckpointLoop() {
  std::unique_lock<std::mutex> lock(checkpoint_mutex_);
  for (;;) {
    checkpoint_wanted_.wait(lock, [this] { return stopping_ || checkpoint_pending_; });
    if (stopping_) return;
    checkpoint_pending_ = false;
    lock.unlock();
    // PASSIVE: copies what it can without blocking writers or readers; the next one finishes.
    int rc = sqlite3_wal_checkpoint_v2(checkpointer_->getHandle(), nullptr,
                                       SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
      std::fprintf(stderr, "{\"level\":\"error\",\"event\":\"database_checkpoint\",\"code\":%d}\n",
                   rc);
    }
    lock.lock();
  }
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, DatabaseOptions options) {
  if (options.max_batch < 1) options.max_batch = 1;
  if (InMemory(path)) options.read_connections = 0;  // each connection would be its own database
  std::unique_ptr<Database> database(new Database(path, options));
  try {
    database->writer_ = OpenConnection(path, options);
    database->writer_connection_ = std::make_unique<Connection>(*database->writer_);
    for (int i = 0; i < options.read_connections; ++i) {
      auto slot = std::make_unique<ReadSlot>();
      slot->db = OpenConnection(path, options);
      slot->connection = std::make_unique<Connection>(*slot->db);
      database->readers_.push_back(std::move(slot));
    }
    if (!InMemory(path)) {
      // Our hook replaces SQLite's automatic checkpoint, which would run inside a COMMIT and
      // make that batch's callers wait for a checkpoint's writes and fsyncs.
      database->checkpointer_ = OpenConnection(path, options);
      sqlite3_wal_hook(database->writer_->getHandle(), &Database::OnWalCommit, database.get());
      database->checkpoint_thread_ = std::thread([db = database.get()] { db->CheckpointLoop(); });
    }
  } catch (const std::exception& e) {
    return Status::Unavailable("cannot open the database at " + path + ": " + e.what());
  }
  return database;
}

Status Database::FromException(const std::exception& e, const char* what) {
  std::string message = e.what();
  if (message.find("locked") != std::string::npos || message.find("busy") != std::string::npos) {
    return Status::Unavailable("the database is busy");
  }
  std::fprintf(stderr, "{\"level\":\"error\",\"event\":\"database_%s\",\"detail\":\"%s\"}\n", what,
               message.c_str());
  return Status::Internal("database error");
}

bool Database::ReadOnWriter() const {
  return readers_.empty() || internal::WritingDatabase() == this;
}

Database::ReadSlot* Database::AcquireReadSlot() {
  // Start at a slot chosen by thread so threads spread out; take the first free one, else wait
  // on the starting one.
  size_t start = std::hash<std::thread::id>{}(std::this_thread::get_id()) % readers_.size();
  for (size_t i = 0; i < readers_.size(); ++i) {
    ReadSlot* slot = readers_[(start + i) % readers_.size()].get();
    if (slot->mutex.try_lock()) return slot;
  }
  ReadSlot* slot = readers_[start].get();
  slot->mutex.lock();
  return slot;
}

bool Database::InTransaction() const { return sqlite3_get_autocommit(writer_->getHandle()) == 0; }

Status Database::Write(const std::function<Status(Connection&)>& fn) {
  if (internal::WritingDatabase() == this) return WriteNested(fn);

  PendingWrite mine(&fn);
  std::unique_lock<std::mutex> lock(queue_mutex_);
  queue_.push_back(&mine);
  while (!mine.done) {
    if (leader_active_) {
      // Woken when our batch is done, or when we are first in line and may lead the next.
      mine.wake.wait(lock);
      continue;
    }
    // Lead one batch: everything queued now (up to max_batch), ours included or not.
    leader_active_ = true;
    size_t take = std::min(queue_.size(), static_cast<size_t>(options_.max_batch));
    std::vector<PendingWrite*> batch(queue_.begin(), queue_.begin() + take);
    queue_.erase(queue_.begin(), queue_.begin() + take);
    lock.unlock();
    bool locked_out = CommitBatch(batch);
    lock.lock();
    if (locked_out) {
      // Another process held the lock for a whole busy_timeout: the writes that queued
      // meanwhile would only wait as long again, past the platforms' deadlines. Fail them now.
      for (PendingWrite* write : queue_) {
        write->status = batch.front()->status;
        batch.push_back(write);
      }
      queue_.clear();
    }
    // Wake only who must: the callers of this batch, and the first in line to lead the next
    // (waking every waiter on each commit costs more than the commit under load).
    for (PendingWrite* write : batch) {
      write->done = true;
      if (write != &mine) write->wake.notify_one();
    }
    stats_.writes += static_cast<int64_t>(batch.size());
    ++stats_.commits;
    leader_active_ = false;
    if (!queue_.empty()) queue_.front()->wake.notify_one();
  }
  return mine.status;
}

Status Database::WriteNested(const std::function<Status(Connection&)>& fn) {
  bool transaction_lost = false;
  Status status = RunInSavepoint(fn, &transaction_lost);
  // The outer batch notices a lost transaction itself; its callers get the error.
  return status;
}

Status Database::RunInSavepoint(const std::function<Status(Connection&)>& fn,
                                bool* transaction_lost) {
  Connection& c = *writer_connection_;
  // Savepoint names nest by depth so a nested Write() never releases its parent's savepoint.
  thread_local int depth = 0;
  const std::string name = "w" + std::to_string(depth);
  try {
    c.raw().exec("SAVEPOINT " + name);
  } catch (const std::exception& e) {
    *transaction_lost = !InTransaction();
    return FromException(e, "savepoint");
  }
  Status status;
  ++depth;
  try {
    status = fn(c);
  } catch (const std::exception& e) {
    status = FromException(e, "write");
  }
  --depth;
  // A finished callback leaves no statement running; a nested one must not reset its parent's.
  if (depth == 0) c.ResetUsedStatements();
  if (!InTransaction()) {
    // SQLite rolled the whole transaction back by itself (I/O error, disk full, ...).
    *transaction_lost = true;
    return status.ok() ? Status::Internal("database error") : status;
  }
  try {
    if (!status.ok()) c.raw().exec("ROLLBACK TO " + name);
    c.raw().exec("RELEASE " + name);
  } catch (const std::exception& e) {
    *transaction_lost = !InTransaction();
    return status.ok() ? FromException(e, "release") : status;
  }
  return status;
}

bool Database::CommitBatch(const std::vector<PendingWrite*>& batch) {
  std::lock_guard<std::mutex> connection_lock(writer_mutex_);
  internal::WritingDatabase() = this;
  bool locked_out = false;
  try {
    locked_out = RunBatch(batch);
  } catch (const std::exception& e) {
    // Out of memory or worse: fail the whole batch rather than leave its callers waiting.
    for (PendingWrite* write : batch) write->status = FromException(e, "batch");
    if (InTransaction()) writer_->tryExec("ROLLBACK");
  }
  writer_connection_->ResetUsedStatements();
  internal::WritingDatabase() = nullptr;
  return locked_out;
}

bool Database::RunBatch(const std::vector<PendingWrite*>& batch) {
  size_t next = 0;
  // Normally one pass; when SQLite drops the transaction on an error, the callbacks that ran
  // in it fail and the remaining ones get a fresh transaction.
  while (next < batch.size()) {
    try {
      writer_->exec("BEGIN IMMEDIATE");
    } catch (const std::exception& e) {
      Status failed = FromException(e, "begin");
      for (size_t i = next; i < batch.size(); ++i) batch[i]->status = failed;
      return failed.code() == StatusCode::kUnavailable;
    }
    size_t first = next;
    bool transaction_lost = false;
    for (; next < batch.size() && !transaction_lost; ++next) {
      batch[next]->status = RunInSavepoint(*batch[next]->fn, &transaction_lost);
    }
    if (transaction_lost) {
      for (size_t i = first; i < next; ++i) {
        if (batch[i]->status.ok()) batch[i]->status = Status::Internal("database error");
      }
      continue;
    }
    try {
      writer_->exec("COMMIT");
    } catch (const std::exception& e) {
      Status failed = FromException(e, "commit");
      for (size_t i = first; i < next; ++i) {
        if (batch[i]->status.ok()) batch[i]->status = failed;
      }
      if (InTransaction()) writer_->tryExec("ROLLBACK");
    }
  }
  return false;
}

WriteStats Database::Stats() const {
  std::lock_guard<std::mutex> lock(queue_mutex_);
  return stats_;
}

size_t Database::QueuedWrites() const {
  std::lock_guard<std::mutex> lock(queue_mutex_);
  return queue_.size();
}

Status Database::Ping() {
  return Read([](Connection& c) -> Status {
    c.Prepare("SELECT 1").executeStep();
    return Status::Ok();
  });
}

}  // namespace chariot::store
