// PostgreSQL migrations: schemas/migrations/postgres/NNNN_*.sql, the same numbers as SQLite's,
// in PostgreSQL's dialect. The version lives in the table chariot_schema. Each migration runs
// in one transaction with its version bump, under an advisory lock, so instances starting at
// once never apply the same migration twice. A database newer than the code is refused.
#pragma once

#include <vector>

#include "core/status.h"
#include "store/migrations.h"
#include "store/postgres/pg_database.h"

namespace chariot::store {

Result<int> PgSchemaVersion(PgDatabase& db);
Result<int> PgMigrate(PgDatabase& db, const std::vector<Migration>& migrations);

}  // namespace chariot::store
