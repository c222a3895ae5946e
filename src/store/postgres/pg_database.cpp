#include "store/postgres/pg_database.h"

#include <algorithm>
#include <cstdio>

namespace chariot::store {

const std::string& PgTransaction::NameFor(const std::string& sql) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "chariot_" + std::to_string(prepared_.size());
    connection_.prepare(name, sql);
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  return it->second;
}

Result<std::unique_ptr<PgDatabase>> PgDatabase::Open(const std::string& url, PgOptions options) {
  if (options.pool_size < 1)
    return Status::InvalidArgument("the PostgreSQL pool size must be at least 1");
  std::unique_ptr<PgDatabase> db(new PgDatabase(url, options));
  try {
    for (int i = 0; i < options.pool_size; ++i) {
      auto pooled = std::make_unique<Pooled>();
      pooled->connection = std::make_unique<pqxx::connection>(url);
      db->free_.push_back(pooled.get());
      db->all_.push_back(std::move(pooled));
    }
  } catch (const std::exception& e) {
    // libpq's message spans lines ("... failed: ...\n\tIs the server running ..."): keep the first.
    std::string why = e.what();
    why = why.substr(0, std::min(why.find('\n'), size_t{200}));
    return Status::Unavailable("cannot connect to PostgreSQL: " + why);
  }
  return db;
}

PgDatabase::~PgDatabase() = default;

Result<PgDatabase::Pooled*> PgDatabase::Acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!available_.wait_for(lock, options_.acquire_timeout, [&] { return !free_.empty(); })) {
    return Status::Unavailable("all database connections are busy");
  }
  Pooled* pooled = free_.back();
  free_.pop_back();
  lock.unlock();
  if (!pooled->connection || !pooled->connection->is_open()) {
    // A connection the server dropped: open a new one (prepared statements go with it).
    try {
      pooled->prepared.clear();
      pooled->connection = std::make_unique<pqxx::connection>(url_);
    } catch (const std::exception&) {
      Release(pooled, true);
      return Status::Unavailable("the database is not reachable");
    }
  }
  return pooled;
}

void PgDatabase::Release(Pooled* pooled, bool broken) {
  if (broken) pooled->connection.reset();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(pooled);
  }
  available_.notify_one();
}

Status PgDatabase::FromException(const std::exception& e, const char* what) {
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr) {
    return Status::Unavailable("the database is not reachable");
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    const std::string state = sql->sqlstate();
    if (state == "40001" || state == "40P01") return Status::Unavailable("write conflict; retry");
    if (state == "23505") return Status::Conflict("already exists");
  }
  std::fprintf(stderr, "{\"level\":\"error\",\"event\":\"postgres_%s\",\"detail\":\"%s\"}\n", what,
               std::string(e.what()).substr(0, 300).c_str());
  return Status::Internal("database error");
}

Status PgDatabase::RunRead(const std::function<Status(PgTransaction&)>& fn) {
  auto pooled = Acquire();
  if (!pooled.ok()) return pooled.status();
  bool broken = false;
  Status status;
  try {
    pqxx::read_transaction tx(*(*pooled)->connection);
    PgTransaction wrapped(tx, (*pooled)->prepared, *(*pooled)->connection);
    status = fn(wrapped);
  } catch (const std::exception& e) {
    broken = dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr;
    status = FromException(e, "read");
  }
  Release(*pooled, broken);
  return status;
}

Status PgDatabase::Write(const std::function<Status(PgTransaction&)>& fn) {
  Status status;
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto pooled = Acquire();
    if (!pooled.ok()) return pooled.status();
    bool broken = false;
    bool retry = false;
    try {
      pqxx::work tx(*(*pooled)->connection);
      PgTransaction wrapped(tx, (*pooled)->prepared, *(*pooled)->connection);
      status = fn(wrapped);
      if (status.ok()) tx.commit();  // otherwise the destructor rolls back
    } catch (const std::exception& e) {
      broken = dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr;
      status = FromException(e, "write");
      retry = status.code() == StatusCode::kUnavailable && !broken;
    }
    Release(*pooled, broken);
    if (!retry) return status;
  }
  return status;
}

Status PgDatabase::Ping() {
  return Read([](PgTransaction& tx) -> Status {
    tx.Exec("SELECT 1");
    return Status::Ok();
  });
}

}  // namespace chariot::store
