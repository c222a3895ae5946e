#include "store/postgres/pg_support_stores.h"

#include <nlohmann/json.hpp>

namespace chariot::store {
namespace {

constexpr const char* kTicketColumns =
    "id, user_id, problem, severity, status, words, steps_tried, postcode, channel, locale, "
    "created_at, updated_at";
constexpr const char* kAppointmentColumns =
    "id, ticket_id, user_id, kind, advisor_id, store_id, slot_start, slot_end, status, "
    "created_at, updated_at";

const std::set<std::string>& Problems() {
  static const std::set<std::string> kCodes = {"water_leak",          "gas_smell", "power_outage",
                                               "no_heating",          "lawnmower", "locked_out",
                                               "appliance_breakdown", "other"};
  return kCodes;
}

// The CHECK constraints would refuse these too, but as an error the caller cannot tell from a
// broken connection: check first and answer InvalidArgument.
Status CheckCodes(const TicketRecord& t) {
  static const std::set<std::string> kSeverities = {"emergency", "urgent", "routine"};
  static const std::set<std::string> kStatuses = {"open", "resolved", "scheduled", "handed_over",
                                                  "closed"};
  if (!Problems().count(t.problem) || !kSeverities.count(t.severity) ||
      !kStatuses.count(t.status)) {
    return Status::InvalidArgument(
        "the ticket has a problem, severity or status outside the contract");
  }
  return Status::Ok();
}

std::string StepsToJson(const std::vector<TicketStep>& steps) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& step : steps) array.push_back({{"step", step.step}, {"outcome", step.outcome}});
  return array.dump();
}

std::vector<TicketStep> StepsFromJson(const std::string& text) {
  std::vector<TicketStep> steps;
  nlohmann::json array = nlohmann::json::parse(text, nullptr, false);
  if (!array.is_array()) return steps;
  for (const auto& item : array) {
    if (item.is_object()) steps.push_back({item.value("step", ""), item.value("outcome", "")});
  }
  return steps;
}

TicketRecord TicketFromRow(const pqxx::row& r) {
  TicketRecord t;
  t.id = r[0].as<int64_t>();
  t.user_id = r[1].as<std::string>();
  t.problem = r[2].as<std::string>();
  t.severity = r[3].as<std::string>();
  t.status = r[4].as<std::string>();
  t.words = r[5].as<std::string>();
  t.steps_tried = StepsFromJson(r[6].as<std::string>());
  t.postcode = r[7].as<std::string>();
  t.channel = r[8].as<std::string>();
  t.locale = r[9].as<std::string>();
  t.created_at = r[10].as<int64_t>();
  t.updated_at = r[11].as<int64_t>();
  return t;
}

AppointmentRecord AppointmentFromRow(const pqxx::row& r) {
  AppointmentRecord a;
  a.id = r[0].as<int64_t>();
  a.ticket_id = r[1].as<int64_t>();
  a.user_id = r[2].as<std::string>();
  a.kind = r[3].as<std::string>();
  a.advisor_id = r[4].as<std::string>();
  a.store_id = r[5].as<std::string>();
  a.slot_start = r[6].as<int64_t>();
  a.slot_end = r[7].as<int64_t>();
  a.status = r[8].as<std::string>();
  a.created_at = r[9].as<int64_t>();
  a.updated_at = r[10].as<int64_t>();
  return a;
}

Status SetTicketStatus(PgTransaction& tx, const std::string& user_id, int64_t ticket_id,
                       const std::string& status, int64_t now) {
  auto result = tx.Run(
      "UPDATE support_tickets SET status = $1, updated_at = $2 WHERE id = $3 AND user_id = $4",
      status, now, ticket_id, user_id);
  if (result.affected_rows() == 0) return Status::NotFound("no such ticket");
  return Status::Ok();
}

// Books inside an open transaction; fills `booked`. ON CONFLICT on the partial unique index
// makes a lost race a "try the next advisor", not an error.
Status BookIn(PgTransaction& tx, const AppointmentRecord& draft,
              const std::vector<std::string>& candidates, int64_t now, AppointmentRecord& booked) {
  if (Status s = SetTicketStatus(tx, draft.user_id, draft.ticket_id, "scheduled", now); !s.ok()) {
    return s;
  }
  for (const std::string& advisor : candidates) {
    auto rows = tx.Run(
        "INSERT INTO support_appointments (ticket_id, user_id, kind, advisor_id, store_id, "
        "slot_start, slot_end, status, created_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, 'booked', $8, $8) "
        "ON CONFLICT (advisor_id, slot_start) WHERE status = 'booked' DO NOTHING RETURNING id",
        draft.ticket_id, draft.user_id, draft.kind, advisor, draft.store_id, draft.slot_start,
        draft.slot_end, now);
    if (rows.empty()) continue;
    booked = draft;
    booked.id = rows[0][0].as<int64_t>();
    booked.advisor_id = advisor;
    booked.status = "booked";
    booked.created_at = booked.updated_at = now;
    return Status::Ok();
  }
  return Status::Conflict("that slot has just been taken");
}

}  // namespace

// TicketStore

Result<int64_t> PgTicketStore::Create(const TicketRecord& ticket) {
  if (Status s = CheckCodes(ticket); !s.ok()) return s;
  int64_t id = 0;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    auto rows = tx.Run(
        "INSERT INTO support_tickets (user_id, problem, severity, status, words, steps_tried, "
        "postcode, channel, locale, created_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        ticket.user_id, ticket.problem, ticket.severity, ticket.status, ticket.words,
        StepsToJson(ticket.steps_tried), ticket.postcode, ticket.channel, ticket.locale,
        ticket.created_at, ticket.updated_at);
    id = rows[0][0].as<int64_t>();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return id;
}

Result<std::optional<TicketRecord>> PgTicketStore::Get(const std::string& user_id, int64_t id) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::optional<TicketRecord>> {
    auto rows = tx.Run(std::string("SELECT ") + kTicketColumns +
                           " FROM support_tickets WHERE id = $1 AND user_id = $2",
                       id, user_id);
    if (rows.empty()) return std::optional<TicketRecord>();
    return std::optional<TicketRecord>(TicketFromRow(rows[0]));
  });
}

Result<std::vector<TicketRecord>> PgTicketStore::ListForUser(const std::string& user_id,
                                                             int limit) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<TicketRecord>> {
    auto rows = tx.Run(std::string("SELECT ") + kTicketColumns +
                           " FROM support_tickets WHERE user_id = $1 ORDER BY id DESC LIMIT $2",
                       user_id, limit);
    std::vector<TicketRecord> tickets;
    for (const auto& row : rows) tickets.push_back(TicketFromRow(row));
    return tickets;
  });
}

Status PgTicketStore::Update(const TicketRecord& ticket) {
  if (Status s = CheckCodes(ticket); !s.ok()) return s;
  bool found = false;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    auto result = tx.Run(
        "UPDATE support_tickets SET severity = $1, status = $2, words = $3, steps_tried = $4, "
        "postcode = $5, updated_at = $6 WHERE id = $7 AND user_id = $8",
        ticket.severity, ticket.status, ticket.words, StepsToJson(ticket.steps_tried),
        ticket.postcode, ticket.updated_at, ticket.id, ticket.user_id);
    found = result.affected_rows() > 0;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return found ? Status::Ok() : Status::NotFound("no such ticket");
}

// AppointmentStore

Result<std::set<std::pair<std::string, int64_t>>> PgAppointmentStore::Busy(int64_t from,
                                                                           int64_t to) {
  using BusySet = std::set<std::pair<std::string, int64_t>>;
  return db_.Read([&](PgTransaction& tx) -> Result<BusySet> {
    auto rows = tx.Run(
        "SELECT advisor_id, slot_start FROM support_appointments WHERE status = 'booked' AND "
        "slot_start >= $1 AND slot_start < $2",
        from, to);
    BusySet busy;
    for (const auto& row : rows) busy.insert({row[0].as<std::string>(), row[1].as<int64_t>()});
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
    auto old = tx.Run(
        "UPDATE support_appointments SET status = 'moved', updated_at = $1 "
        "WHERE id = $2 AND user_id = $3 AND status = 'booked'",
        now, old_id, draft.user_id);
    if (old.affected_rows() == 0) return Status::NotFound("no such appointment");
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
    return SetTicketStatus(tx, user_id, rows[0][0].as<int64_t>(), "open", now);
  });
}

Result<std::vector<AppointmentRecord>> PgAppointmentStore::BookedForUser(
    const std::string& user_id) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<AppointmentRecord>> {
    auto rows = tx.Run(std::string("SELECT ") + kAppointmentColumns +
                           " FROM support_appointments WHERE user_id = $1 AND status = 'booked' "
                           "ORDER BY slot_start",
                       user_id);
    std::vector<AppointmentRecord> list;
    for (const auto& row : rows) list.push_back(AppointmentFromRow(row));
    return list;
  });
}

}  // namespace chariot::store
