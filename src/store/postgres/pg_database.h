// PgDatabase: the PostgreSQL store for deployments that outgrow one machine (libpqxx).
//
// Owns a pool of connections sized by configuration. Every use goes through Read() or Write(),
// which borrow a connection for the callback; statements are prepared once per connection, on
// first use, and reused. libpqxx exceptions never leave this layer: they become a Status.
// Write() retries the whole callback on a serialization failure or deadlock (SQLSTATE 40001,
// 40P01), so callbacks must only touch the database.
//
// Only code under src/store may include this header.
//
// Thread safety: all methods are safe from many threads; at most pool_size run at once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace chariot::store {

// One transaction on one pooled connection; valid only during the callback.
class PgTransaction {
 public:
  PgTransaction(pqxx::transaction_base& tx, std::unordered_map<std::string, std::string>& prepared,
                pqxx::connection& connection)
      : tx_(tx), prepared_(prepared), connection_(connection) {}

  // Runs sql ($1, $2... placeholders) as a prepared statement with args.
  template <typename... Args>
  pqxx::result Run(const std::string& sql, Args&&... args) {
    return tx_.exec_prepared(NameFor(sql), std::forward<Args>(args)...);
  }
  // Runs sql that takes no parameters and may hold several statements (DDL).
  pqxx::result Exec(const std::string& sql) { return tx_.exec(sql); }

 private:
  const std::string& NameFor(const std::string& sql);
  pqxx::transaction_base& tx_;
  std::unordered_map<std::string, std::string>& prepared_;
  pqxx::connection& connection_;
};

struct PgOptions {
  int pool_size = 8;
  std::chrono::milliseconds acquire_timeout{2000};
};

class PgDatabase {
 public:
  // Connects pool_size connections to url ("postgresql://..." or a libpq key=value string).
  // Fails with Unavailable, with a one-sentence reason, when the server cannot be reached.
  static Result<std::unique_ptr<PgDatabase>> Open(const std::string& url, PgOptions options = {});
  ~PgDatabase();

  // fn(PgTransaction&) -> Result<T> or Status, in a read-only transaction.
  template <typename Fn>
  auto Read(Fn&& fn) -> decltype(fn(std::declval<PgTransaction&>()));
  // fn(PgTransaction&) -> Status in a read-write transaction, committed when it returns OK
  // (durable: PostgreSQL's synchronous_commit), rolled back otherwise.
  Status Write(const std::function<Status(PgTransaction&)>& fn);
  Status Ping();

 private:
  struct Pooled {
    std::unique_ptr<pqxx::connection> connection;
    std::unordered_map<std::string, std::string> prepared;  // sql -> statement name
  };
  class Lease;
  explicit PgDatabase(std::string url, PgOptions options)
      : url_(std::move(url)), options_(options) {}
  Result<Pooled*> Acquire();
  void Release(Pooled* pooled, bool broken);
  static Status FromException(const std::exception& e, const char* what);
  Status RunRead(const std::function<Status(PgTransaction&)>& fn);

  std::string url_;
  PgOptions options_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Pooled>> all_;
  std::vector<Pooled*> free_;
};

template <typename Fn>
auto PgDatabase::Read(Fn&& fn) -> decltype(fn(std::declval<PgTransaction&>())) {
  using R = decltype(fn(std::declval<PgTransaction&>()));
  std::optional<R> out;
  Status status = RunRead([&](PgTransaction& tx) -> Status {
    out.emplace(fn(tx));
    return Status::Ok();
  });
  if (!status.ok()) return R(status);
  return std::move(*out);
}

}  // namespace chariot::store
