#include "store/sqlite/sqlite_appointment_store.h"

namespace chariot::store {
namespace {

constexpr const char* kColumns =
    "id, ticket_id, user_id, kind, advisor_id, store_id, slot_start, slot_end, status, "
    "created_at, updated_at";

AppointmentRecord Row(SQLite::Statement& q) {
  AppointmentRecord a;
  a.id = q.getColumn(0).getInt64();
  a.ticket_id = q.getColumn(1).getInt64();
  a.user_id = q.getColumn(2).getString();
  a.kind = q.getColumn(3).getString();
  a.advisor_id = q.getColumn(4).getString();
  a.store_id = q.getColumn(5).getString();
  a.slot_start = q.getColumn(6).getInt64();
  a.slot_end = q.getColumn(7).getInt64();
  a.status = q.getColumn(8).getString();
  a.created_at = q.getColumn(9).getInt64();
  a.updated_at = q.getColumn(10).getInt64();
  return a;
}

Status SetTicketStatus(Connection& c, const std::string& user_id, int64_t ticket_id,
                       const std::string& status, int64_t now) {
  SQLite::Statement& q = c.Prepare(
      "UPDATE support_tickets SET status = ?, updated_at = ? WHERE id = ? AND user_id = ?");
  q.bind(1, status);
  q.bind(2, static_cast<int64_t>(now));
  q.bind(3, static_cast<int64_t>(ticket_id));
  q.bind(4, user_id);
  if (q.exec() == 0) return Status::NotFound("no such ticket");
  return Status::Ok();
}

// Books inside an open transaction; fills `booked`.
Status BookIn(Connection& c, const AppointmentRecord& draft,
              const std::vector<std::string>& candidates, int64_t now, AppointmentRecord& booked) {
  if (Status s = SetTicketStatus(c, draft.user_id, draft.ticket_id, "scheduled", now); !s.ok()) {
    return s;
  }
  SQLite::Statement& busy = c.Prepare(
      "SELECT 1 FROM support_appointments WHERE advisor_id = ? AND slot_start = ? AND "
      "status = 'booked'");
  for (const std::string& advisor : candidates) {
    busy.reset();
    busy.clearBindings();
    busy.bind(1, advisor);
    busy.bind(2, static_cast<int64_t>(draft.slot_start));
    const bool taken = busy.executeStep();
    busy.reset();  // a statement left mid-result would hold a read cursor open
    if (taken) continue;
    SQLite::Statement& insert = c.Prepare(
        "INSERT INTO support_appointments (ticket_id, user_id, kind, advisor_id, store_id, "
        "slot_start, slot_end, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?)");
    insert.bind(1, static_cast<int64_t>(draft.ticket_id));
    insert.bind(2, draft.user_id);
    insert.bind(3, draft.kind);
    insert.bind(4, advisor);
    insert.bind(5, draft.store_id);
    insert.bind(6, static_cast<int64_t>(draft.slot_start));
    insert.bind(7, static_cast<int64_t>(draft.slot_end));
    insert.bind(8, static_cast<int64_t>(now));
    insert.bind(9, static_cast<int64_t>(now));
    insert.exec();
    booked = draft;
    booked.id = c.LastInsertRowId();
    booked.advisor_id = advisor;
    booked.status = "booked";
    booked.created_at = booked.updated_at = now;
    return Status::Ok();
  }
  return Status::Conflict("that slot has just been taken");
}

}  // namespace

Result<std::set<std::pair<std::string, int64_t>>> SqliteAppointmentStore::Busy(int64_t from,
                                                                               int64_t to) {
  using BusySet = std::set<std::pair<std::string, int64_t>>;
  return db_.Read([&](Connection& c) -> Result<BusySet> {
    SQLite::Statement& q = c.Prepare(
        "SELECT advisor_id, slot_start FROM support_appointments WHERE status = 'booked' AND "
        "slot_start >= ? AND slot_start < ?");
    q.bind(1, static_cast<int64_t>(from));
    q.bind(2, static_cast<int64_t>(to));
    BusySet busy;
    while (q.executeStep()) busy.insert({q.getColumn(0).getString(), q.getColumn(1).getInt64()});
    return busy;
  });
}

Result<AppointmentRecord> SqliteAppointmentStore::Book(const AppointmentRecord& draft,
                                                       const std::vector<std::string>& candidates,
                                                       int64_t now) {
  AppointmentRecord booked;
  Status status =
      db_.Write([&](Connection& c) -> Status { return BookIn(c, draft, candidates, now, booked); });
  if (!status.ok()) return status;
  return booked;
}

Result<AppointmentRecord> SqliteAppointmentStore::Move(int64_t old_id,
                                                       const AppointmentRecord& draft,
                                                       const std::vector<std::string>& candidates,
                                                       int64_t now) {
  AppointmentRecord booked;
  Status status = db_.Write([&](Connection& c) -> Status {
    SQLite::Statement& old = c.Prepare(
        "UPDATE support_appointments SET status = 'moved', updated_at = ? "
        "WHERE id = ? AND user_id = ? AND status = 'booked'");
    old.bind(1, static_cast<int64_t>(now));
    old.bind(2, static_cast<int64_t>(old_id));
    old.bind(3, draft.user_id);
    if (old.exec() == 0) return Status::NotFound("no such appointment");
    return BookIn(c, draft, candidates, now, booked);
  });
  if (!status.ok()) return status;
  return booked;
}

Status SqliteAppointmentStore::Cancel(const std::string& user_id, int64_t appointment_id,
                                      int64_t now) {
  return db_.Write([&](Connection& c) -> Status {
    SQLite::Statement& find = c.Prepare(
        "SELECT ticket_id FROM support_appointments WHERE id = ? AND user_id = ? AND "
        "status = 'booked'");
    find.bind(1, static_cast<int64_t>(appointment_id));
    find.bind(2, user_id);
    if (!find.executeStep()) return Status::NotFound("no such appointment");
    const int64_t ticket_id = find.getColumn(0).getInt64();
    find.reset();
    SQLite::Statement& cancel = c.Prepare(
        "UPDATE support_appointments SET status = 'cancelled', updated_at = ? WHERE id = ?");
    cancel.bind(1, static_cast<int64_t>(now));
    cancel.bind(2, static_cast<int64_t>(appointment_id));
    cancel.exec();
    return SetTicketStatus(c, user_id, ticket_id, "open", now);
  });
}

Result<std::vector<AppointmentRecord>> SqliteAppointmentStore::BookedForUser(
    const std::string& user_id) {
  return db_.Read([&](Connection& c) -> Result<std::vector<AppointmentRecord>> {
    SQLite::Statement& q = c.Prepare(std::string("SELECT ") + kColumns +
                                     " FROM support_appointments WHERE user_id = ? AND "
                                     "status = 'booked' ORDER BY slot_start");
    q.bind(1, user_id);
    std::vector<AppointmentRecord> list;
    while (q.executeStep()) list.push_back(Row(q));
    return list;
  });
}

}  // namespace chariot::store
