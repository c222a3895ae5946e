// OpenSqliteStores: every repository interface on the embedded SQLite database (already
// migrated). The database must outlive the returned Stores.
#pragma once

#include "core/status.h"
#include "store/database.h"
#include "store/stores.h"

namespace chariot::store {

Result<Stores> OpenSqliteStores(Database& database);

}  // namespace chariot::store
