// OpenPostgresStores: every repository interface on one PostgreSQL database (already migrated).
// The database must outlive the returned Stores.
#pragma once

#include "core/status.h"
#include "store/postgres/pg_database.h"
#include "store/stores.h"

namespace chariot::store {

Result<Stores> OpenPostgresStores(PgDatabase& db);

}  // namespace chariot::store
