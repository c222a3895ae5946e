// SettingsStore over the embedded SQLite database.
#pragma once

#include "store/database.h"
#include "store/settings_store.h"

namespace chariot::store {

class SqliteSettingsStore : public SettingsStore {
 public:
  explicit SqliteSettingsStore(Database& db) : db_(db) {}

  // SettingsStore
  Result<std::optional<std::string>> Get(const std::string& key) override;
  Result<std::string> GetOrInsert(const std::string& key, const std::string& value) override;

 private:
  Database& db_;
};

}  // namespace chariot::store
