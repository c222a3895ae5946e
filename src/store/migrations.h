// Migrations: numbered SQL files (schemas/migrations/NNNN_name.sql) applied in order.
//
// Each file runs in one transaction together with its `PRAGMA user_version` bump, so a crash
// leaves the database at a whole version. A database whose version is newer than the newest
// file is refused (the code would not understand it).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "store/database.h"

namespace chariot::store {

struct Migration {
  int version = 0;
  std::string name;  // file name
  std::string sql;
};

// Reads dir/NNNN_*.sql sorted by number. Fails when the numbers are not 1..N without gaps.
Result<std::vector<Migration>> LoadMigrations(const std::string& dir);

// The database's current version (PRAGMA user_version).
Result<int> SchemaVersion(Database& db);

// Applies every migration above the current version. Returns the new version, or
// FailedPrecondition-like Conflict when the database is newer than the code.
Result<int> Migrate(Database& db, const std::vector<Migration>& migrations);

}  // namespace chariot::store
