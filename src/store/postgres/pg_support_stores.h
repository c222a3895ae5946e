// PgTicketStore and PgAppointmentStore: the support stores on PostgreSQL (tables support_tickets
// and support_appointments, schemas/migrations/postgres/0003_support.sql). Same contracts as the
// SQLite ones (store/ticket_store.h, store/appointment_store.h).
//
// Several Chariot instances may book at once: the partial unique index on (advisor_id,
// slot_start) decides, and a booking that loses the race tries the next candidate advisor.
//
// Thread safety: safe from many threads (PgDatabase pools the connections).
#pragma once

#include "store/appointment_store.h"
#include "store/postgres/pg_database.h"
#include "store/ticket_store.h"

namespace chariot::store {

class PgTicketStore : public TicketStore {
 public:
  // Borrows db, which must outlive the store and be migrated to version 3 or later.
  explicit PgTicketStore(PgDatabase& db) : db_(db) {}

  // TicketStore
  Result<int64_t> Create(const TicketRecord& ticket) override;
  Result<std::optional<TicketRecord>> Get(const std::string& user_id, int64_t id) override;
  Result<std::vector<TicketRecord>> ListForUser(const std::string& user_id, int limit) override;
  Status Update(const TicketRecord& ticket) override;

 private:
  PgDatabase& db_;
};

class PgAppointmentStore : public AppointmentStore {
 public:
  explicit PgAppointmentStore(PgDatabase& db) : db_(db) {}

  // AppointmentStore
  Result<std::set<std::pair<std::string, int64_t>>> Busy(int64_t from, int64_t to) override;
  Result<AppointmentRecord> Book(const AppointmentRecord& draft,
                                 const std::vector<std::string>& candidates, int64_t now) override;
  Result<AppointmentRecord> Move(int64_t old_id, const AppointmentRecord& draft,
                                 const std::vector<std::string>& candidates, int64_t now) override;
  Status Cancel(const std::string& user_id, int64_t appointment_id, int64_t now) override;
  Result<std::vector<AppointmentRecord>> BookedForUser(const std::string& user_id) override;

 private:
  PgDatabase& db_;
};

}  // namespace chariot::store
