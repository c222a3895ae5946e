// SqliteAppointmentStore: AppointmentStore on the embedded SQLite database (tables
// support_appointments and support_tickets, schemas/migrations/0003_support.sql).
//
// Thread safety: safe from many threads; Database serialises the calls, and the partial unique
// index on (advisor_id, slot_start) refuses a double booking in any case.
#pragma once

#include "store/appointment_store.h"
#include "store/database.h"

namespace chariot::store {

class SqliteAppointmentStore : public AppointmentStore {
 public:
  // Borrows db, which must outlive the store and be migrated to version 3 or later.
  explicit SqliteAppointmentStore(Database& db) : db_(db) {}

  // AppointmentStore
  Result<std::set<std::pair<std::string, int64_t>>> Busy(int64_t from, int64_t to) override;
  Result<AppointmentRecord> Book(const AppointmentRecord& draft,
                                 const std::vector<std::string>& candidates, int64_t now) override;
  Result<AppointmentRecord> Move(int64_t old_id, const AppointmentRecord& draft,
                                 const std::vector<std::string>& candidates, int64_t now) override;
  Status Cancel(const std::string& user_id, int64_t appointment_id, int64_t now) override;
  Result<std::vector<AppointmentRecord>> BookedForUser(const std::string& user_id) override;

 private:
  Database& db_;
};

}  // namespace chariot::store
