#include "store/postgres/pg_migrations.h"

namespace chariot::store {
namespace {

// Any fixed number: the key of the advisory lock that serialises migrations across instances.
constexpr int64_t kMigrationLock = 0x63686172696f74;  // "chariot"

const char* kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS chariot_schema (id INTEGER PRIMARY KEY CHECK (id = 1), "
    "version INTEGER NOT NULL)";

}  // namespace

Result<int> PgSchemaVersion(PgDatabase& db) {
  int version = 0;
  Status status = db.Write([&](PgTransaction& tx) -> Status {
    tx.Exec(kCreateVersionTable);
    auto rows = tx.Exec("SELECT version FROM chariot_schema WHERE id = 1");
    version = rows.empty() ? 0 : rows[0][0].as<int>();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return version;
}

Result<int> PgMigrate(PgDatabase& db, const std::vector<Migration>& migrations) {
  int latest = migrations.empty() ? 0 : migrations.back().version;
  for (const auto& migration : migrations) {
    bool newer_database = false;
    int found = 0;
    Status status = db.Write([&](PgTransaction& tx) -> Status {
      tx.Exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")");
      tx.Exec(kCreateVersionTable);
      auto rows = tx.Exec("SELECT version FROM chariot_schema WHERE id = 1");
      found = rows.empty() ? 0 : rows[0][0].as<int>();
      if (found > latest) {
        newer_database = true;
        return Status::Ok();
      }
      if (found >= migration.version) return Status::Ok();  // another instance did it
      tx.Exec(migration.sql);
      tx.Exec("INSERT INTO chariot_schema(id, version) VALUES (1, " +
              std::to_string(migration.version) +
              ") ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version");
      return Status::Ok();
    });
    if (!status.ok()) {
      return Status(status.code(), "migration " + migration.name + " failed: " + status.message());
    }
    if (newer_database) {
      return Status::Conflict("the database is at schema version " + std::to_string(found) +
                              ", newer than this chariot understands (" + std::to_string(latest) +
                              "); use a newer chariot");
    }
  }
  return PgSchemaVersion(db);
}

}  // namespace chariot::store
