// SessionStore over the embedded SQLite database.
#pragma once

#include "store/database.h"
#include "store/session_store.h"

namespace chariot::store {

class SqliteSessionStore : public SessionStore {
 public:
  explicit SqliteSessionStore(Database& db) : db_(db) {}

  // SessionStore
  Result<std::optional<StoredSession>> Load(const std::string& id, int64_t now) override;
  Status Save(const StoredSession& session) override;
  Status Remove(const std::string& id) override;
  Result<std::vector<StoredSession>> Expired(int64_t now, int limit) override;

 private:
  Database& db_;
};

}  // namespace chariot::store
