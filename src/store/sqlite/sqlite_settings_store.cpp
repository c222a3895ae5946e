#include "store/sqlite/sqlite_settings_store.h"

namespace chariot::store {

Result<std::optional<std::string>> SqliteSettingsStore::Get(const std::string& key) {
  return db_.Read([&](Connection& c) -> Result<std::optional<std::string>> {
    auto& select = c.Prepare("SELECT value FROM settings WHERE key = ?");
    select.bind(1, key);
    if (!select.executeStep()) return std::optional<std::string>();
    return std::optional<std::string>(select.getColumn(0).getString());
  });
}

Result<std::string> SqliteSettingsStore::GetOrInsert(const std::string& key,
                                                     const std::string& value) {
  std::string stored;
  Status status = db_.Write([&](Connection& c) -> Status {
    auto& insert = c.Prepare("INSERT OR IGNORE INTO settings(key, value) VALUES(?, ?)");
    insert.bind(1, key);
    insert.bind(2, value);
    insert.exec();
    auto& select = c.Prepare("SELECT value FROM settings WHERE key = ?");
    select.bind(1, key);
    select.executeStep();
    stored = select.getColumn(0).getString();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return stored;
}

}  // namespace chariot::store
