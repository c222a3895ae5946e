// The support stores over PostgreSQL (schemas/migrations/postgres/0003_support.sql): tickets and
// advisor appointments. Same contracts as the SQLite ones (store/ticket_store.h,
// store/appointment_store.h).
//
// Several instances may book at once: Book inserts with ON CONFLICT DO NOTHING against the
// partial unique index (one booked appointment per advisor and slot), so a candidate taken by
// another instance a moment ago is skipped and the next one tried, never double-booked.
//
// Thread safety: safe from many threads and many processes.
#pragma once

#include "store/appointment_store.h"
#include "store/postgres/pg_database.h"
#include "store/ticket_store.h"

namespace chariot::store {

class PgTicketStore : public TicketStore {
 public:
  explicit PgTicketStore(PgDatabase& db) : db_(db) {}
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
