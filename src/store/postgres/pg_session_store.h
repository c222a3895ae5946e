// SessionStore and SettingsStore over PostgreSQL. Several instances may share the database:
// Expired() claims sessions with FOR UPDATE SKIP LOCKED so two sweepers never close the same one.
#pragma once

#include "store/postgres/pg_database.h"
#include "store/session_store.h"
#include "store/settings_store.h"

namespace chariot::store {

class PgSessionStore : public SessionStore {
 public:
  explicit PgSessionStore(PgDatabase& db) : db_(db) {}

  // SessionStore
  Result<std::optional<StoredSession>> Load(const std::string& id, int64_t now) override;
  Status Save(const StoredSession& session) override;
  Status Remove(const std::string& id) override;
  Result<std::vector<StoredSession>> Expired(int64_t now, int limit) override;

 private:
  PgDatabase& db_;
};

class PgSettingsStore : public SettingsStore {
 public:
  explicit PgSettingsStore(PgDatabase& db) : db_(db) {}

  // SettingsStore
  Result<std::optional<std::string>> Get(const std::string& key) override;
  Result<std::string> GetOrInsert(const std::string& key, const std::string& value) override;

 private:
  PgDatabase& db_;
};

}  // namespace chariot::store
