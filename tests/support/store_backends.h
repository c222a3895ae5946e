// Runs the same store tests against SQLite and PostgreSQL: a test asks for each backend in turn.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"
#include "store/migrations.h"
#include "store/postgres/pg_database.h"
#include "store/postgres/pg_migrations.h"
#include "support/postgres_process.h"
#include "support/temp_dir.h"

namespace chariot::testing {

// One PostgreSQL server for the whole test binary (starting one costs about a second).
PostgresProcess& SharedPostgres();

struct SqliteBackend {
  TempDir dir;
  std::unique_ptr<store::Database> db;
  SqliteBackend();
};

struct PostgresBackend {
  std::unique_ptr<store::PgDatabase> db;
  PostgresBackend();  // db stays null when PostgreSQL is unavailable (a WARN says why)
};

}  // namespace chariot::testing
