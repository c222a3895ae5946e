// A migrated temporary database with the support stores and a SupportService on the real data of
// data/, at a fixed time: Monday 24 November 2025, 16:00 UTC (17:00 in Paris, winter).
#pragma once

#include <catch2/catch.hpp>
#include <memory>

#include "app/paths.h"
#include "core/clock.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_appointment_store.h"
#include "store/sqlite/sqlite_ticket_store.h"
#include "support/support_service.h"
#include "support/temp_dir.h"

namespace chariot::testing {

inline constexpr int64_t kMonday24Nov2025At17Paris = 1764000000;

struct SupportFixture {
  TempDir dir;
  FixedClock clock{kMonday24Nov2025At17Paris};
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::SqliteTicketStore> tickets;
  std::unique_ptr<store::SqliteAppointmentStore> appointments;
  std::unique_ptr<support::SupportService> service;

  explicit SupportFixture(support::SupportOptions options = {}) {
    db = std::move(*store::Database::Open(dir.File("support.db")));
    const auto paths = app::ResolveResourcePaths();
    REQUIRE(store::Migrate(*db, *store::LoadMigrations(paths.migrations_dir)).ok());
    tickets = std::make_unique<store::SqliteTicketStore>(*db);
    appointments = std::make_unique<store::SqliteAppointmentStore>(*db);
    auto loaded = support::SupportService::Load(paths.data_dir, *tickets, *appointments, clock,
                                                std::move(options));
    REQUIRE(loaded.ok());
    service = std::move(*loaded);
  }
};

}  // namespace chariot::testing
