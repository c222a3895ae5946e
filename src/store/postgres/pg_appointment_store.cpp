#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_support_stores.h"

namespace chariot::store {
namespace {

constexpr const char* kColumns =
    "id, ticket_id, user_id, kind, advisor_id, store_id, slot_start, slot_end, status, "
    "created_at, updated_at";

AppointmentRecord Row(const pqxx::row& r) {
  AppointmentRecord a;
  a.id = pg::Int(r[0]);
  a.ticket_id = pg::Int(r[1]);
  a.user_id = pg::Text(r[2]);
  a.kind = pg::Text(r[3]);
  a.advisor_id = pg::Text(r[4]);
  a.store_id = pg::Text(r[5]);
  a.slot_start = pg::Int(r[6]);
  a.slot_end = pg::Int(r[7]);
  a.status = pg::Text(r[8]);
  a.created_at = pg::Int(r[9]);
  a.updated_at = pg::Int(r[10]);
  return a;
}

Status SetTicketStatus(PgTransaction& tx, const std::string& user_id, int64_t ticket_id,
                       const std::string& status, int64_t now) {
  auto rows = tx.Run(
      "UPDATE support_tickets SET status = $1, updated_at = $2 WHERE id = $3 AND user_id = $4",
      status, now, ticket_id, user_id);
  if (rows.affected_rows() == 0) return Status::NotFound("no such ticket");
  return Status::Ok();
}

// Books inside an open transaction; fills `booked`. The insert skips (rather than fails on) an
// advisor whom another instance booked a moment ago, thanks to the partial unique index.
Status BookIn(PgTransaction& tx, const AppointmentRecord& draft,
              const std::vector<std::string>& candidates, int64_t now, AppointmentRecord& booked) {
  if (Status s = SetTicketStatus(tx, draft.user_id, draft.ticket_id, "scheduled", now); !s.ok()) {
    return s;
  }
  for (const std::string& advisor : candidates) {
    auto rows = tx.Run(
        "INSERT INTO support_appointments (ticket_id, user_id, kind, advisor_id, store_id, "
        "slot_start, slot_end, status, created_at, updated_at) "
        "VALUES ($1,$2,$3,$4,$5,$6,$7,'booked',$8,$8) "
        "ON CONFLICT (advisor_id, slot_start) WHERE status = 'booked' DO NOTHING RETURNING id",
        draft.ticket_id, draft.user_id, draft.kind, advisor, draft.store_id, draft.slot_start,
        draft.slot_end, now);
    if (rows.empty()) continue;
    booked = draft;
    booked.id = pg::Int(rows[0][0]);
    booked.advisor_id = advisor;
    booked.status = "booked";
    booked.created_at = booked.updated_at = now;
    return Status::Ok();
  }
  return Status::Conflict("that slot has just been taken");
}

}  // namespace

Result<std::set<std::pair<std::string, int64_t>>> PgAppointmentStore::Busy(int64_t from,
                                                                           int64_t to) {
  using BusySet = std::set<std::pair<std::string, int64_t>>;
  return db_.Read([&](PgTransaction& tx) -> Result<BusySet> {
    BusySet busy;
    for (const auto& r : tx.Run("SELECT advisor_id, slot_start FROM support_appointments "
                                "WHERE status = 'booked' AND slot_start >= $1 AND slot_start < $2",
                                from, to)) {
      busy.insert({pg::Text(r[0]), pg::Int(r[1])});
    }
    return busy;
  });
}

Result<AppointmentRecord> PgAppointmentStore::Book(const AppointmentRecord& draft,
                                                   const std::vector<std::string>& candidates,
                                                   int64_t now) {
  AppointmentRecord booked;
  Status status = db_.Write(
      [&](PgTransaction& tx) -> Status { return BookIn(tx, draft, candidates, now, booked); });
  if (!status.ok()) return status;
  return booked;
}

Result<AppointmentRecord> PgAppointmentStore::Move(int64_t old_id, const AppointmentRecord& draft,
                                                   const std::vector<std::string>& candidates,
                                                   int64_t now) {
  AppointmentRecord booked;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    auto rows = tx.Run(
        "UPDATE support_appointments SET status = 'moved', updated_at = $1 "
        "WHERE id = $2 AND user_id = $3 AND status = 'booked'",
        now, old_id, draft.user_id);
    if (rows.affected_rows() == 0) return Status::NotFound("no such appointment");
    return BookIn(tx, draft, candidates, now, booked);
  });
  if (!status.ok()) return status;
  return booked;
}

Status PgAppointmentStore::Cancel(const std::string& user_id, int64_t appointment_id, int64_t now) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    auto rows = tx.Run(
        "UPDATE support_appointments SET status = 'cancelled', updated_at = $1 "
        "WHERE id = $2 AND user_id = $3 AND status = 'booked' RETURNING ticket_id",
        now, appointment_id, user_id);
    if (rows.empty()) return Status::NotFound("no such appointment");
    return SetTicketStatus(tx, user_id, pg::Int(rows[0][0]), "open", now);
  });
}

Result<std::vector<AppointmentRecord>> PgAppointmentStore::BookedForUser(
    const std::string& user_id) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<AppointmentRecord>> {
    std::vector<AppointmentRecord> list;
    for (const auto& r : tx.Run(std::string("SELECT ") + kColumns +
                                    " FROM support_appointments WHERE user_id = $1 AND "
                                    "status = 'booked' ORDER BY slot_start",
                                user_id)) {
      list.push_back(Row(r));
    }
    return list;
  });
}

}  // namespace chariot::store
