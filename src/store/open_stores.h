// OpenStores: the app's single way to its stores. The location is either a SQLite file path (the
// embedded default) or a PostgreSQL URL ("postgresql://..." or "postgres://..."), which switches
// every store to PostgreSQL so several instances can share one database. The database is
// migrated first (schemas/migrations for SQLite, schemas/migrations/postgres for PostgreSQL: the
// same numbers, each dialect's SQL).
//
// Ownership: OpenedStores owns the database and the stores (declared after it, so destroyed
// first). Thread safety: as the stores (safe from many threads).
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "store/stores.h"

namespace chariot::store {

struct StoreOptions {
  int sqlite_busy_timeout_ms = 2000;
  int sqlite_max_batch = 128;
  int postgres_pool_size = 8;  // connections per instance (CHARIOT_DB_POOL)
};

struct OpenedStores {
  std::string backend;  // "sqlite" or "postgresql"
  int schema_version = 0;
  std::shared_ptr<void> database;  // the backend's database object, kept alive for the stores
  Stores stores;
};

// True for "postgresql://..." and "postgres://...".
bool IsPostgresUrl(const std::string& location);

// Opens, migrates and wraps. Unavailable when PostgreSQL cannot be reached; the migration's
// errors otherwise (Conflict for a database newer than this chariot). One-sentence messages.
Result<OpenedStores> OpenStores(const std::string& location, const std::string& migrations_dir,
                                const StoreOptions& options = {});

}  // namespace chariot::store
