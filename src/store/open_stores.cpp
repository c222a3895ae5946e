#include "store/open_stores.h"

#include "store/database.h"
#include "store/migrations.h"
#include "store/postgres/pg_database.h"
#include "store/postgres/pg_migrations.h"
#include "store/postgres/pg_stores.h"
#include "store/sqlite/sqlite_stores.h"

namespace chariot::store {

bool IsPostgresUrl(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

Result<OpenedStores> OpenStores(const std::string& location, const std::string& migrations_dir,
                                const StoreOptions& options) {
  OpenedStores opened;
  if (IsPostgresUrl(location)) {
    opened.backend = "postgresql";
    PgOptions pg_options;
    pg_options.pool_size = options.postgres_pool_size;
    auto db = PgDatabase::Open(location, pg_options);
    if (!db.ok()) return db.status();
    auto migrations = LoadMigrations(migrations_dir + "/postgres");
    if (!migrations.ok()) return migrations.status();
    auto version = PgMigrate(**db, *migrations);
    if (!version.ok()) return version.status();
    opened.schema_version = *version;
    std::shared_ptr<PgDatabase> shared(std::move(*db));
    auto stores = OpenPostgresStores(*shared);
    if (!stores.ok()) return stores.status();
    opened.database = shared;
    opened.stores = std::move(*stores);
    return opened;
  }
  opened.backend = "sqlite";
  DatabaseOptions sqlite_options;
  sqlite_options.busy_timeout_ms = options.sqlite_busy_timeout_ms;
  sqlite_options.max_batch = options.sqlite_max_batch;
  auto db = Database::Open(location, sqlite_options);
  if (!db.ok()) return db.status();
  auto migrations = LoadMigrations(migrations_dir);
  if (!migrations.ok()) return migrations.status();
  auto version = Migrate(**db, *migrations);
  if (!version.ok()) return version.status();
  opened.schema_version = *version;
  std::shared_ptr<Database> shared(std::move(*db));
  auto stores = OpenSqliteStores(*shared);
  if (!stores.ok()) return stores.status();
  opened.database = shared;
  opened.stores = std::move(*stores);
  return opened;
}

}  // namespace chariot::store
