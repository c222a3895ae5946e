// EraseCustomer on PostgreSQL: the same rules as the SQLite one (store/erasure.h), with the
// tables and columns found in information_schema, in one transaction.
#pragma once

#include <string>

#include "store/erasure.h"
#include "store/postgres/pg_database.h"

namespace chariot::store {

// InvalidArgument when user_id is empty. OK with zero counts when nothing was stored for them.
Result<ErasureReport> PgEraseCustomer(PgDatabase& db, const std::string& user_id);

}  // namespace chariot::store
