#include "store/database.h"

#include <cstdio>

namespace chariot::store {

SQLite::Statement& Connection::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    it = cache_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
  } else {
    it->second->reset();
    it->second->clearBindings();
  }
  return *it->second;
}

Database::Database(std::string path, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)), db_(std::move(db)), connection_(std::make_unique<Connection>(*db_)) {}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, DatabaseOptions options) {
  try {
    auto db = std::make_unique<SQLite::Database>(
        path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX);
    db->setBusyTimeout(options.busy_timeout_ms);
    db->exec("PRAGMA journal_mode=WAL");
    // FULL: a commit that returned is on disk, so "saved" means saved even after a power cut.
    db->exec("PRAGMA synchronous=FULL");
    db->exec("PRAGMA foreign_keys=ON");
    return std::unique_ptr<Database>(new Database(path, std::move(db)));
  } catch (const std::exception& e) {
    return Status::Unavailable("cannot open the database at " + path + ": " + e.what());
  }
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

Status Database::Write(const std::function<Status(Connection&)>& fn) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    db_->exec("BEGIN IMMEDIATE");
  } catch (const std::exception& e) {
    return FromException(e, "begin");
  }
  Status status;
  try {
    status = fn(*connection_);
    if (status.ok()) {
      db_->exec("COMMIT");
      return status;
    }
  } catch (const std::exception& e) {
    status = FromException(e, "write");
  }
  try {
    db_->exec("ROLLBACK");
  } catch (const std::exception&) {
    // The transaction is already gone (SQLite rolls back on some errors by itself).
  }
  return status;
}

Status Database::Ping() {
  return Read([](Connection& c) -> Status {
    c.Prepare("SELECT 1").executeStep();
    return Status::Ok();
  });
}

}  // namespace chariot::store
